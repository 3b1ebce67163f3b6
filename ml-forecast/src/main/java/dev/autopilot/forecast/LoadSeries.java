/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.autopilot.forecast;

import dev.autopilot.forecast.series.TimeSeries;

/**
 * The recent query load of one partition: reads and writes per window, in a ring of bounded size, so memory stays
 * fixed however long the node runs. Windows are aligned to the epoch (window {@code k} starts at
 * {@code k * windowMillis}), which keeps time-of-day features right. A window in which nothing was recorded counts as
 * zero load. Thread-safe.
 */
public final class LoadSeries {
    private final long windowMillis;
    private final long[] reads;
    private final long[] writes;
    private long newest = Long.MIN_VALUE;
    private int size;
    private long droppedLate;
    private long rejected;

    /**
     * @param windowMillis Window length, positive.
     * @param capacity Windows kept, at least 2.
     */
    public LoadSeries(long windowMillis, int capacity) {
        if (windowMillis <= 0)
            throw new IllegalArgumentException("windowMillis must be positive: " + windowMillis);
        if (capacity < 2)
            throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
        this.windowMillis = windowMillis;
        this.reads = new long[capacity];
        this.writes = new long[capacity];
    }

    /**
     * Adds counts to the window that contains {@code timestampMillis}. Counts for a window older than the ring holds
     * are dropped and counted in {@link #droppedLate()}; a negative count (a counter that was reset or wrapped) is
     * ignored and counted in {@link #rejected()}: recording load must never fail a query.
     *
     * @param timestampMillis Any time inside the window.
     * @param readCount Reads.
     * @param writeCount Writes.
     */
    public synchronized void add(long timestampMillis, long readCount, long writeCount) {
        if (readCount < 0 || writeCount < 0) {
            rejected++;
            return;
        }
        long w = Math.floorDiv(timestampMillis, windowMillis);
        if (size == 0) {
            newest = w;
            size = 1;
        }
        else if (w > newest)
            advanceTo(w);
        else if (w <= newest - size) {
            droppedLate += readCount + writeCount;
            return;
        }
        int slot = slot(w);
        reads[slot] += readCount;
        writes[slot] += writeCount;
    }

    /** Queries (reads plus writes) dropped because their window had already left the ring. */
    public synchronized long droppedLate() {
        return droppedLate;
    }

    /** Calls ignored because a count was negative. */
    public synchronized long rejected() {
        return rejected;
    }

    public long windowMillis() {
        return windowMillis;
    }

    /**
     * The total load (reads plus writes) of the complete windows before the one containing {@code nowMillis},
     * oldest first, at most the ring's capacity. Windows after the last recorded one count as zero.
     */
    public synchronized TimeSeries completeWindows(long nowMillis) {
        long current = Math.floorDiv(nowMillis, windowMillis);
        if (size == 0 || current <= newest - size + 1)
            return TimeSeries.of(current * windowMillis, windowMillis);
        long last = current - 1;
        long first = Math.max(newest - size + 1, last - reads.length + 1);
        double[] vals = new double[(int)(last - first + 1)];
        for (long w = first; w <= Math.min(last, newest); w++) {
            int slot = slot(w);
            vals[(int)(w - first)] = reads[slot] + writes[slot];
        }
        return TimeSeries.of(first * windowMillis, windowMillis, vals);
    }

    private void advanceTo(long w) {
        long steps = Math.min(w - newest, reads.length);
        for (long k = 1; k <= steps; k++) {
            int slot = slot(w - steps + k);
            reads[slot] = 0;
            writes[slot] = 0;
        }
        size = (int)Math.min(reads.length, size + (w - newest));
        newest = w;
    }

    private int slot(long window) {
        return (int)Math.floorMod(window, (long)reads.length);
    }
}
