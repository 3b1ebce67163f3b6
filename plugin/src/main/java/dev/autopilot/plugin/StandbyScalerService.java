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

import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.IgniteLogger;

/**
 * Runs the standby scaler of every configured cache on a schedule ({@code standbyScaler.mode} {@code DRY_RUN} or
 * {@code APPLY}). What a scaler remembers (the nodes it added, in dry run the node set changed on paper, the records
 * still learning their measured load) lives in this instance: a replacement instance on another node starts from the
 * baseline in force, and does not remove nodes the previous one added. The mode is read each round, as the cluster
 * holds it now ({@code autopilot.standbyScaler.mode}): while it is {@code OFF} a round does nothing, and a round in
 * another mode than the last starts the scalers afresh, as a replacement instance would.
 */
final class StandbyScalerService extends PeriodicService {
    /** The name the service is deployed under. */
    static final String NAME = "autopilot-standby-scaler";

    private static final long serialVersionUID = 1L;

    private transient Map<String, CacheScaling> scalers;
    private transient StandbyScalerMode scalersMode;

    StandbyScalerService(long periodMillis) {
        super(periodMillis);
    }

    @Override void runOnce(AutopilotPlugin plugin, IgniteLogger log) {
        StandbyScalerMode mode = plugin.settings().standbyScalerMode();
        if (mode == StandbyScalerMode.OFF)
            return;
        if (scalers == null || mode != scalersMode)
            scalers = new HashMap<>();
        scalersMode = mode;
        StandbyScalerConfiguration cfg = plugin.configuration().getStandbyScaler();
        long window = plugin.queryLog().windowMillis();
        long now = System.currentTimeMillis();
        long settled = now - plugin.publishDelayMillis();
        long lastClosed = settled - Math.floorMod(settled, window) - window;
        for (String cache : cfg.getCaches()) {
            try {
                CacheScaling s = scalers.computeIfAbsent(cache, c -> CacheScaling.of(ignite(), c, cfg, mode, window,
                    new GracefulNodeStop(ignite(), log, GracefulNodeStop.WAIT_MILLIS)));
                s.round(now, lastClosed).ifPresent(r -> log.info("Autopilot standby scaler (" + mode
                    + ") for " + cache + ": " + r.action() + ' ' + r.outcome() + ", " + r.reason()));
            }
            catch (Exception e) {
                log.warning("Autopilot's standby scaler could not decide for cache " + cache + ": " + e, e);
            }
        }
    }

    @Override String work() {
        return "run the standby scaler";
    }
}
