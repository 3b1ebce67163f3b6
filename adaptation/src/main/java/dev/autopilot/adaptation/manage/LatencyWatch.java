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

package dev.autopilot.adaptation.manage;

/**
 * Decides whether a cut-over made a partition slower, as Azure SQL's automatic tuning reverts an index that hurt: it
 * compares the statements of the complete query-log windows just before the adaptation was requested (the fill and
 * index builds do not count) with those of the first complete windows after the cut-over.
 */
public final class LatencyWatch {
    /** Executions a template needs on each side to count: fewer say little about its latency. */
    static final long MIN_EXECUTIONS = 5;

    private final TableLatencies latencies;
    private final long windowMillis;
    private final int windows;
    private final double margin;
    private final long publishDelayMillis;

    /**
     * @param latencies where latencies are read
     * @param windowMillis length of a query-log window
     * @param windows windows compared on each side; 0 turns the watch off (cut-over is the end)
     * @param margin how much slower after counts as a regression (0.25: more than 25% slower)
     * @param publishDelayMillis how long after a window ends its figures are in the cluster-wide tables
     */
    public LatencyWatch(TableLatencies latencies, long windowMillis, int windows, double margin,
        long publishDelayMillis) {
        this.latencies = latencies;
        this.windowMillis = windowMillis;
        this.windows = windows;
        this.margin = margin;
        this.publishDelayMillis = publishDelayMillis;
    }

    /** @return whether adaptations are watched at all after their cut-over */
    public boolean enabled() {
        return windows > 0;
    }

    /** @return whether the windows after {@code a}'s cut-over are complete and published at {@code now} */
    public boolean due(Adaptation a, long now) {
        return now >= afterStart(a) + windows * windowMillis + publishDelayMillis;
    }

    /** @return the latency of {@code a}'s table before its request and after its cut-over */
    public LatencyComparison compare(Adaptation a) {
        long beforeEnd = a.startedAt() - Math.floorMod(a.startedAt(), windowMillis);
        long afterStart = afterStart(a);
        return LatencyComparison.of(latencies.measure(a.table(), beforeEnd - windows * windowMillis, beforeEnd),
            latencies.measure(a.table(), afterStart, afterStart + windows * windowMillis), MIN_EXECUTIONS);
    }

    /** @return whether {@code c} is worse than the margin allows */
    public boolean regressed(LatencyComparison c) {
        return c.regressed(margin);
    }

    /** @return the start of the first window that began after the cut-over */
    private long afterStart(Adaptation a) {
        long cut = a.measurement().cutOverAt();
        return cut - Math.floorMod(cut, windowMillis) + windowMillis;
    }
}
