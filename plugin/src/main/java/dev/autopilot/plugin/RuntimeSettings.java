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

package dev.autopilot.plugin;

import java.util.function.Consumer;
import dev.autopilot.affinity.scaler.StandbyScalerMode;

/**
 * The settings an operator changes on a running cluster ({@code control.sh --property set}), as every node sees them
 * now. Whoever decides reads them at each decision rather than keeping a copy, so that a change applies to the next
 * one; until a value is set cluster-wide, the node's configuration gives it.
 */
public interface RuntimeSettings {
    /** @return how far the adaptation manager goes on its own */
    AdaptationMode adaptationMode();

    /** @return mean read latency above which a window counts as slow, in ms */
    double latencyThresholdMillis();

    /** @return seconds after an adaptation of a table before the manager adapts it again */
    int minIntervalSeconds();

    /** @return the least net gain, in rows read saved per second, a profile must promise */
    double minNetGain();

    /** @return whether the standby scaler runs, and whether it changes the baseline */
    StandbyScalerMode standbyScalerMode();

    /** @param listener told the new standby scaler mode each time it changes */
    void onStandbyScalerModeChange(Consumer<StandbyScalerMode> listener);
}
