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

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.autopilot.forecast.series.TimeSeries;

/**
 * Per-partition load series, fed by the plugin with query counts; the forecaster's only input. Time comes from the
 * injected {@link Ticker}, so windows close when the ticker says so (tests advance it instead of sleeping).
 * Thread-safe.
 */
public final class LoadStore {
    private final Ticker ticker;
    private final long windowMillis;
    private final int capacity;
    private final Map<Integer, LoadSeries> series = new ConcurrentHashMap<>();

    /**
     * @param ticker Time source.
     * @param windowMillis Window length, positive (e.g. 60 000 for one minute).
     * @param capacity Windows kept per partition, at least 2.
     */
    public LoadStore(Ticker ticker, long windowMillis, int capacity) {
        if (windowMillis <= 0)
            throw new IllegalArgumentException("windowMillis must be positive: " + windowMillis);
        if (capacity < 2)
            throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
        this.ticker = ticker;
        this.windowMillis = windowMillis;
        this.capacity = capacity;
    }

    /** Counts queries on a partition in the current window. */
    public void record(int partition, long reads, long writes) {
        recordAt(partition, ticker.millis(), reads, writes);
    }

    /** Counts queries on a partition in the window containing {@code timestampMillis} (for counts gathered per window). */
    public void recordAt(int partition, long timestampMillis, long reads, long writes) {
        series.computeIfAbsent(partition, p -> new LoadSeries(windowMillis, capacity)).add(timestampMillis, reads, writes);
    }

    /** Partitions with recorded load, ascending. */
    public Set<Integer> partitions() {
        return new TreeSet<>(series.keySet());
    }

    /** The complete windows of a partition's load (empty if nothing was recorded). */
    public TimeSeries history(int partition) {
        LoadSeries s = series.get(partition);
        long now = ticker.millis();
        return s == null ? TimeSeries.of(Math.floorDiv(now, windowMillis) * windowMillis, windowMillis) : s.completeWindows(now);
    }

    public long windowMillis() {
        return windowMillis;
    }
}
