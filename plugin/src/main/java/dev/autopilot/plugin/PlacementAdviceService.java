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

import org.apache.ignite.IgniteLogger;

/**
 * Runs the placement advisor on a schedule, in dry run ({@code PlacementControl.advisePlacement()}), so that each
 * window is decided once; a window already decided is not decided again by a replacement instance.
 */
final class PlacementAdviceService extends PeriodicService {
    /** The name the service is deployed under. */
    static final String NAME = "autopilot-placement-advice";

    private static final long serialVersionUID = 1L;

    PlacementAdviceService(long periodMillis) {
        super(periodMillis);
    }

    @Override void runOnce(AutopilotPlugin plugin, IgniteLogger log) {
        plugin.placement().advisePlacement().forEach(d -> log.info("Autopilot placement advice (dry run) for " + d.cacheName()
            + ": " + d.reason()));
    }

    @Override String work() {
        return "advise on placement";
    }
}
