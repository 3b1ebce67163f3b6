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

package dev.autopilot.examples.sim;

import java.util.Map;

/**
 * What one policy did over the replay.
 *
 * @param policy Policy name.
 * @param violatingWindows Windows in which at least one node's load exceeded its capacity.
 * @param overloadedNodeWindows Node-windows over capacity.
 * @param copies Partition copies built (data moved).
 * @param promotions Backups promoted to primary (no data moved).
 * @param nodeHours Node-hours paid for (booting nodes included).
 * @param peakNodes Most nodes paid for at once.
 * @param causes Violating windows by cause.
 */
record PolicyResult(String policy, int violatingWindows, long overloadedNodeWindows, long copies, long promotions,
    double nodeHours, int peakNodes, Map<ViolationCauses.Cause, Integer> causes) {
}
