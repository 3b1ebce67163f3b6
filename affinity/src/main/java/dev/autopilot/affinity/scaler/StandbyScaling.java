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

package dev.autopilot.affinity.scaler;

import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;

/**
 * The standby scaler of every configured cache, one round at a time ({@code standbyScaler.mode} {@code DRY_RUN} or
 * {@code APPLY}). What a scaler remembers (the nodes it added, in dry run the node set changed on paper, the records
 * still learning their measured load) lives in this instance: a replacement on another node starts from the baseline
 * in force, and does not remove nodes the previous one added. A round in another mode than the last starts the
 * scalers afresh, as a replacement would; a round while the mode is {@code OFF} does nothing.
 */
public final class StandbyScaling {
    private final Ignite ignite;
    private final StandbyScalerConfiguration cfg;
    private final long windowMillis;
    private final long publishDelayMillis;
    private final IgniteLogger log;
    private Map<String, CacheScaling> scalers;
    private StandbyScalerMode scalersMode;

    /**
     * @param windowMillis length of a query-log window
     * @param publishDelayMillis how long after a window ends every node has written its load to
     *     {@code AUTOPILOT.PARTITION_LOAD}
     */
    public StandbyScaling(Ignite ignite, StandbyScalerConfiguration cfg, long windowMillis, long publishDelayMillis,
        IgniteLogger log) {
        this.ignite = ignite;
        this.cfg = cfg;
        this.windowMillis = windowMillis;
        this.publishDelayMillis = publishDelayMillis;
        this.log = log;
    }

    /**
     * Decides for every configured cache from the windows every node has written by {@code now}; a cache the scaler
     * cannot decide for is logged, and the others go on.
     *
     * @param mode as the cluster holds it now
     */
    public void round(StandbyScalerMode mode, long now) {
        if (mode == StandbyScalerMode.OFF)
            return;
        if (scalers == null || mode != scalersMode)
            scalers = new HashMap<>();
        scalersMode = mode;
        long settled = now - publishDelayMillis;
        long lastClosed = settled - Math.floorMod(settled, windowMillis) - windowMillis;
        for (String cache : cfg.getCaches()) {
            try {
                CacheScaling s = scalers.computeIfAbsent(cache, c -> CacheScaling.of(ignite, c, cfg, mode,
                    windowMillis, new GracefulNodeStop(ignite, log, GracefulNodeStop.WAIT_MILLIS)));
                s.round(now, lastClosed).ifPresent(r -> log.info("Autopilot standby scaler (" + mode
                    + ") for " + cache + ": " + r.action() + ' ' + r.outcome() + ", " + r.reason()));
            }
            catch (Exception e) {
                log.warning("Autopilot's standby scaler could not decide for cache " + cache + ": " + e, e);
            }
        }
    }
}
