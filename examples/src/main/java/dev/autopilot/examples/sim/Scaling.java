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

/** Fleet sizing shared by the scaling policies, so that they differ only in what load they size for. */
final class Scaling {
    private static final double MAX_REMOVED_SHARE = 0.05;

    private Scaling() {
    }

    /** Nodes that carry {@code load} at {@code utilization} of {@code capacity} each; at least one. */
    static int nodesFor(double load, double capacity, double utilization) {
        return Math.max(1, (int)Math.ceil(load / (capacity * utilization)));
    }

    /** Nodes to remove when {@code need} would do: at most 5% of the fleet per window, to bound the rebalancing. */
    static int removable(int active, int need) {
        return Math.min(active - need, Math.max(1, (int)Math.ceil(active * MAX_REMOVED_SHARE)));
    }
}
