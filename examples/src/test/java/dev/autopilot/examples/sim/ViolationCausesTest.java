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

import java.util.List;
import java.util.Map;
import dev.autopilot.affinity.plan.Placement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViolationCausesTest {
    /** Two nodes of capacity 10, no backups: partitions 0 and 1 on node-00000, partition 2 on node-00001. */
    private static Fleet fleet() {
        Fleet fleet = new Fleet(10, 2);
        fleet.place(new Placement(List.of(List.of("node-00000"), List.of("node-00000"), List.of("node-00001"))));
        return fleet;
    }

    @Test
    void classifiesEachViolatingWindowByTheFirstCauseThatApplies() {
        ViolationCauses causes = new ViolationCauses();
        Fleet fleet = fleet();
        causes.record(fleet, new double[] {4, 4, 4}, new double[] {4, 4, 4}, 0);
        causes.record(fleet, new double[] {11, 0, 1}, new double[] {1, 0, 1}, 0);
        causes.record(fleet, new double[] {7, 7, 8}, new double[] {1, 1, 1}, 0);
        causes.record(fleet, new double[] {6, 6, 1}, new double[] {6, 6, 1}, 0);
        causes.record(fleet, new double[] {6, 6, 1}, new double[] {4, 4, 1}, 0);
        assertEquals(Map.of(ViolationCauses.Cause.HOT_PARTITION, 1, ViolationCauses.Cause.FLEET_SHORT, 1,
            ViolationCauses.Cause.UNRELIEVED, 1, ViolationCauses.Cause.SURGE, 1), causes.windows());
    }
}
