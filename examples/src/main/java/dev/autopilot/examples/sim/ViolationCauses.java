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

import java.util.EnumMap;
import java.util.Map;

/**
 * Why each SLA-violating window violated, so that a policy's misses can be told apart from what no policy could avoid.
 * A window gets the first cause that applies, in the order of {@link Cause}.
 */
final class ViolationCauses {
    /** Why a window violated. */
    enum Cause {
        /** An overloaded node holds a copy whose load alone is above a node's capacity: no placement avoids it. */
        HOT_PARTITION,
        /** The total load is above the active nodes' capacity: no placement avoids it, the fleet was too small. */
        FLEET_SHORT,
        /** An overloaded node was already over capacity with the last window's loads: seen, but not relieved. */
        UNRELIEVED,
        /** The load outgrew the placement within the window: only a forecast could have seen it coming. */
        SURGE
    }

    private final Map<Cause, Integer> windows = new EnumMap<>(Cause.class);

    ViolationCauses() {
        for (Cause c : Cause.values())
            windows.put(c, 0);
    }

    /** Classifies the window if it violated: its partition loads, then the last window's, on the current placement. */
    void record(Fleet fleet, double[] loadNow, double[] loadBefore, double backupShare) {
        double capacity = fleet.capacity();
        double[] now = fleet.nodeLoads(loadNow, backupShare);
        double[] before = fleet.nodeLoads(loadBefore, backupShare);
        double[] largest = fleet.largestCopies(loadNow, backupShare);
        boolean violated = false;
        boolean hot = false;
        boolean seen = false;
        double total = 0;
        for (int n = 0; n < now.length; n++) {
            total += now[n];
            if (now[n] > capacity) {
                violated = true;
                hot |= largest[n] > capacity;
                seen |= before[n] > capacity;
            }
        }
        if (!violated)
            return;
        Cause c = hot ? Cause.HOT_PARTITION : total > capacity * now.length ? Cause.FLEET_SHORT
            : seen ? Cause.UNRELIEVED : Cause.SURGE;
        windows.merge(c, 1, Integer::sum);
    }

    /** Violating windows per cause. */
    Map<Cause, Integer> windows() {
        return windows;
    }
}
