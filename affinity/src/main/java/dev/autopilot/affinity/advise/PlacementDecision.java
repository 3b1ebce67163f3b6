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

package dev.autopilot.affinity.advise;

import java.util.List;
import java.util.Map;
import dev.autopilot.affinity.plan.Move;
import dev.autopilot.affinity.plan.Placement;

/**
 * What the placement advisor decided for one cache from one window of measured load, and why.
 *
 * @param cacheName the cache
 * @param windowStart start of the window whose load was used, epoch millis
 * @param windowEnd its end
 * @param reason why, in words
 * @param moves the moves proposed (empty when the cache is balanced or nothing helps)
 * @param placement the placement after the moves
 * @param nodeLoad each node's measured load in the window, under the live placement
 * @param plannedLoad each node's load under the proposed placement, predicted for the next window as the same
 *     per-partition load (per-partition forecasts are not used yet)
 */
public record PlacementDecision(String cacheName, long windowStart, long windowEnd, String reason, List<Move> moves,
    Placement placement, Map<String, Double> nodeLoad, Map<String, Double> plannedLoad) {
    /** @return the highest node load predicted under the proposed placement */
    public double predictedPeak() {
        return NodeLoads.peak(plannedLoad);
    }
}
