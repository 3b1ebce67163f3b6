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

import dev.autopilot.affinity.scaler.StandbyScaling;
import org.apache.ignite.IgniteLogger;

/**
 * Runs {@link StandbyScaling} on a schedule, in the mode the cluster holds now ({@code autopilot.standbyScaler.mode});
 * what the scalers remember lives in this instance.
 */
final class StandbyScalerService extends PeriodicService {
    /** The name the service is deployed under. */
    static final String NAME = "autopilot-standby-scaler";

    private static final long serialVersionUID = 1L;

    private transient StandbyScaling scaling;

    StandbyScalerService(long periodMillis) {
        super(periodMillis);
    }

    @Override void runOnce(AutopilotPlugin plugin, IgniteLogger log) {
        if (scaling == null) {
            scaling = new StandbyScaling(ignite(), plugin.configuration().getStandbyScaler(),
                plugin.queryLog().windowMillis(), plugin.publishDelayMillis(), log);
        }
        scaling.round(plugin.settings().standbyScalerMode(), System.currentTimeMillis());
    }

    @Override String work() {
        return "run the standby scaler";
    }
}
