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

package dev.autopilot.adaptation.apply;

import java.util.BitSet;

/**
 * Hands the partitions of a fill to its threads in order and reports progress as the first partition not filled yet,
 * so that a fill resumed from the reported partition redoes at most the partitions that were in flight (filling a row
 * again is harmless). Progress reports are serialised: whoever records them sees one call at a time.
 */
final class PartitionQueue {
    private final int partitions;
    private final FillProgress progress;
    private final BitSet done = new BitSet();
    private int next;
    private int firstNotDone;
    private long rows;
    private boolean stopped;

    /**
     * @param from the first partition to fill
     * @param partitions the number of partitions of the cache
     * @param progress told after every partition filled; returning {@code false} stops the fill
     */
    PartitionQueue(int from, int partitions, FillProgress progress) {
        this.partitions = partitions;
        this.progress = progress;
        this.next = from;
        this.firstNotDone = from;
    }

    /** @return the next partition to fill, or -1 when there is none left or the fill was stopped */
    synchronized int take() {
        return stopped || next >= partitions ? -1 : next++;
    }

    /**
     * Records a partition filled and reports the progress.
     *
     * @param partition the partition filled
     * @param filledRows rows the caller filled in it
     * @param niceRatio the caller's pause ratio now
     */
    synchronized void filled(int partition, long filledRows, double niceRatio) {
        done.set(partition);
        rows += filledRows;
        while (done.get(firstNotDone))
            firstNotDone++;
        if (!stopped && !progress.partitionFilled(firstNotDone, rows, niceRatio))
            stopped = true;
    }

    /** Stops handing out partitions: the fill failed or is being stopped. */
    synchronized void stop() {
        stopped = true;
    }

    /** @return whether every partition was filled and nobody stopped the fill */
    synchronized boolean complete() {
        return !stopped && firstNotDone >= partitions;
    }
}
