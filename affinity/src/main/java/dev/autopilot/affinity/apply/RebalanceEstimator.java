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

package dev.autopilot.affinity.apply;

/**
 * How long a change of node set takes until rebalancing ends: a fixed cost (the exchanges of the baseline change and
 * of the affinity switch) plus the rows to copy over a rate. The rate starts at a configured default and then follows
 * what past changes measured (an exponential average), so a change for a spike at time T is started at T minus this
 * estimate minus a margin. Pure Java, thread-safe.
 */
public final class RebalanceEstimator {
    /** Weight of the newest measurement in the average. */
    private static final double ALPHA = 0.5;

    private final long fixedMillis;
    private double rowsPerSecond;
    private int measured;

    /**
     * @param fixedMillis time a change takes when no row moves (exchanges), at least 0
     * @param defaultRowsPerSecond rate assumed until a change was measured, positive
     */
    public RebalanceEstimator(long fixedMillis, double defaultRowsPerSecond) {
        if (fixedMillis < 0)
            throw new IllegalArgumentException("fixedMillis must be at least 0: " + fixedMillis);
        if (!(defaultRowsPerSecond > 0))
            throw new IllegalArgumentException("defaultRowsPerSecond must be positive: " + defaultRowsPerSecond);
        this.fixedMillis = fixedMillis;
        this.rowsPerSecond = defaultRowsPerSecond;
    }

    /** @return the estimated time from the start of a change to the end of its rebalance, in milliseconds */
    public synchronized long estimateMillis(long rowsToCopy) {
        return fixedMillis + Math.round(Math.max(0, rowsToCopy) * 1000.0 / rowsPerSecond);
    }

    /**
     * Learns from a finished change. A change that copied nothing, or took no longer than the fixed cost, says
     * nothing about the rate and is ignored.
     */
    public synchronized void record(long rowsCopied, long actualMillis) {
        long copying = actualMillis - fixedMillis;
        if (rowsCopied <= 0 || copying <= 0)
            return;
        double rate = rowsCopied * 1000.0 / copying;
        rowsPerSecond = measured == 0 ? rate : ALPHA * rate + (1 - ALPHA) * rowsPerSecond;
        measured++;
    }

    /** @return the rate now assumed */
    public synchronized double rowsPerSecond() {
        return rowsPerSecond;
    }

    /** @return how many changes the rate was learned from */
    public synchronized int measured() {
        return measured;
    }
}
