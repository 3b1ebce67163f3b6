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
 * What an adaptation was expected to buy and what it was measured to do. Latencies are execution-weighted means of
 * the statements that ran both before the request and after the cut-over, weighted by how often each ran before, so
 * that a shift in the mix does not pass for a change in speed.
 *
 * @param expectedGain the profile's net gain, in rows read saved per second ({@code NaN} when it gave none)
 * @param cutOverAt when the rewriter started to use the new structures, epoch millis (0 before)
 * @param latencyBeforeMs mean latency before the request ({@code NaN} until measured, or when nothing ran)
 * @param latencyAfterMs mean latency after the cut-over ({@code NaN} until measured, or when nothing ran)
 */
public record Measurement(double expectedGain, long cutOverAt, double latencyBeforeMs, double latencyAfterMs) {
    /** @return nothing measured yet, with the gain a profile promised */
    public static Measurement expecting(double expectedGain) {
        return new Measurement(expectedGain, 0, Double.NaN, Double.NaN);
    }

    /** @return this, cut over at {@code at} */
    public Measurement cutOver(long at) {
        return new Measurement(expectedGain, at, latencyBeforeMs, latencyAfterMs);
    }

    /** @return this, with the latencies measured */
    public Measurement measured(LatencyComparison c) {
        return new Measurement(expectedGain, cutOverAt, c.beforeMs(), c.afterMs());
    }
}
