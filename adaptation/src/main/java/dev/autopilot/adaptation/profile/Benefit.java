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

package dev.autopilot.adaptation.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a structure (or a whole profile) is expected to buy and to cost, so that a user can see why it was proposed.
 * All rates are per second of the window the profile is based on.
 *
 * @param rowsReadSavedPerSecond table rows the workload would no longer read, per second
 * @param memoryBytes bytes it takes: index entries, or the derived column's values
 * @param writeAmplification extra structure updates per second: writes per second times structures to maintain
 * @param netGain rows saved per second minus the write cost expressed in rows (see {@code GeneratorSettings})
 */
public record Benefit(
    @JsonProperty("rows_read_saved_per_second") double rowsReadSavedPerSecond,
    @JsonProperty("memory_bytes") long memoryBytes,
    @JsonProperty("write_amplification") double writeAmplification,
    @JsonProperty("net_gain") double netGain
) {
    /** Nothing saved, nothing spent. */
    public static final Benefit NONE = new Benefit(0, 0, 0, 0);

    /** @return an estimate with rates rounded to thousandths, so that profiles print without float noise */
    public static Benefit of(double rowsReadSavedPerSecond, long memoryBytes, double writeAmplification,
        double netGain) {
        return new Benefit(round(rowsReadSavedPerSecond), memoryBytes, round(writeAmplification), round(netGain));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** @return both estimates together */
    public Benefit plus(Benefit o) {
        return of(rowsReadSavedPerSecond + o.rowsReadSavedPerSecond, memoryBytes + o.memoryBytes,
            writeAmplification + o.writeAmplification, netGain + o.netGain);
    }
}
