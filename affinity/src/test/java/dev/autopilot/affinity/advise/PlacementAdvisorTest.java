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
import dev.autopilot.affinity.plan.Move;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.affinity.plan.PlannerSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementAdvisorTest {
    private static final List<String> NODES = List.of("a", "b", "c");

    /** Partition p: primary p mod 3, backup the next node. */
    private static final Placement LIVE = new Placement(List.of(List.of("a", "b"), List.of("b", "c"), List.of("c", "a"),
        List.of("a", "b"), List.of("b", "c"), List.of("c", "a")));

    private final PlacementAdvisor advisor = new PlacementAdvisor(new PlannerSettings().setBackupLoadShare(0), 1.2);

    @Test
    void aNodeAboveTheLimitGivesPrimariesToItsBackupsFirst() {
        double[] load = {200, 20, 100, 200, 20, 100};
        PlacementDecision d = advisor.decide("kv", 0, 60_000, LIVE, NODES, load);

        assertEquals(400.0, d.nodeLoad().get("a"));
        assertTrue(d.reason().startsWith("node a at 1.88x the mean load (limit 1.2x); 1 backup promotions and 0 copies"),
            d.reason());
        assertTrue(!d.moves().isEmpty() && d.moves().stream().allMatch(m -> m.kind() == Move.Kind.PROMOTE),
            "promotions only: " + d.moves());
        assertTrue(d.predictedPeak() < 600, "the busiest node is relieved: " + d.plannedLoad());
        assertEquals(d.predictedPeak(), NodeLoads.peak(NodeLoads.of(d.placement(), load, 0, NODES)));
    }

    @Test
    void balancedLoadMovesNothing() {
        PlacementDecision d = advisor.decide("kv", 0, 60_000, LIVE, NODES, new double[] {100, 100, 100, 100, 100, 100});
        assertEquals(List.of(), d.moves());
        assertEquals(LIVE, d.placement());
        assertTrue(d.reason().startsWith("balanced: busiest node a at 1.00x"), d.reason());
    }

    @Test
    void noLoadMovesNothing() {
        PlacementDecision d = advisor.decide("kv", 0, 60_000, LIVE, NODES, new double[6]);
        assertEquals("no load measured", d.reason());
        assertEquals(List.of(), d.moves());
    }

    @Test
    void placementsSurviveTheirTextForm() {
        assertEquals(LIVE, PlacementAdvice.decode(PlacementAdvice.encode(LIVE)));
    }
}
