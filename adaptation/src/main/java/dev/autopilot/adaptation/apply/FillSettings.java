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

/**
 * How a fill of existing rows shares the cluster with its users.
 *
 * @param batchSize rows per batch of entry processors
 * @param threads partitions filled at once (each thread with its own throttle), and the parallelism of the index
 *     builds that follow: an adaptation the foreground waits for should not run on a single core
 * @param latencyRatio how much slower than before the fill the foreground may get (the 90th percentile of point-read
 *     probes) before the fill slows down; 0 turns the latency check off
 * @param niceRatio the least pause after each batch, as a share of the time the batch took (gh-ost's nice ratio):
 *     0.5 keeps the fill busy at most two thirds of the time
 */
public record FillSettings(int batchSize, int threads, double latencyRatio, double niceRatio) {
    /** The most a fill pauses after a batch, as a share of the batch's time, however slow the foreground is. */
    static final double MAX_NICE_RATIO = 32;

    public FillSettings {
        if (batchSize < 1)
            throw new IllegalArgumentException("batchSize = " + batchSize + " (must be at least 1)");
        if (threads < 1)
            throw new IllegalArgumentException("threads = " + threads + " (must be at least 1)");
        if (!(latencyRatio == 0 || latencyRatio >= 1))
            throw new IllegalArgumentException("latencyRatio = " + latencyRatio + " (must be 0 or at least 1)");
        if (!(niceRatio >= 0 && niceRatio <= MAX_NICE_RATIO))
            throw new IllegalArgumentException("niceRatio = " + niceRatio + " (must be within 0.." + MAX_NICE_RATIO
                + ')');
    }

    /** @return a fill as fast as it goes, for tests and repairs that must end soon */
    public static FillSettings unthrottled(int batchSize, int threads) {
        return new FillSettings(batchSize, threads, 0, 0);
    }
}
