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
import java.util.SortedMap;
import java.util.TreeMap;
import dev.autopilot.affinity.plan.Move;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.affinity.plan.PlanStep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BurstGuardTest {
    /** No backups, so only copies move; partitions 0 and 1 are in group 0, partitions 2 and 3 in group 1. */
    private final BurstGuard guard = new BurstGuard(new int[] {0, 0, 1, 1}, 2, 0);

    @Test
    void keepsAPlacementWhoseNodesHaveRoomForTheirBursts() {
        PlanStep step = step(List.of("A"), List.of("B"), List.of("B"));
        PlanStep guarded = guard.guard(step, capacities("A", "B", "C"), new double[] {4, 2, 2}, new double[] {5, 3, 3},
            8);
        assertEquals(step.placement(), guarded.placement());
        assertEquals(List.of(), guarded.moves());
        assertTrue(guarded.withinCapacity());
    }

    /** B: 2 + 2 planned, and its groups' bursts add 3 each; only one group bursts at a time, so 4 + 3 fits in 10. */
    @Test
    void countsOnlyTheLargestGroupBurstOfANode() {
        PlanStep step = step(List.of("A"), List.of("B"), List.of("B"));
        PlanStep guarded = guard.guard(step, capacities("A", "B"), new double[] {1, 2, 2}, new double[] {1, 3, 3}, 8);
        assertEquals(List.of(), guarded.moves());
    }

    /**
     * A: 4 + 2 planned, and group 0 may add 6 + 1 in a burst: 13 > 10. Partition 0 with its burst fits on neither B
     * nor C, so partition 1 leaves A (10), for C, which has more room than B.
     */
    @Test
    void movesLoadOffANodeWhoseBurstWouldOverloadIt() {
        PlanStep step = step(List.of("A"), List.of("A"), List.of("B"), List.of("C"));
        PlanStep guarded = guard.guard(step, capacities("A", "B", "C"), new double[] {4, 2, 5, 3},
            new double[] {6, 1, 0, 0}, 8);
        assertEquals(List.of(new Move(1, "A", "C", Move.Kind.COPY)), guarded.moves());
        assertTrue(guarded.withinCapacity());
    }

    @Test
    void stopsAtTheMoveCapAndSaysItDidNotFit() {
        PlanStep step = step(List.of("A"), List.of("A"), List.of("A"));
        PlanStep guarded = guard.guard(step, capacities("A", "B", "C"), new double[] {4, 4, 4}, new double[] {4, 4, 4},
            1);
        assertEquals(1, guarded.moves().size());
        assertFalse(guarded.withinCapacity());
    }

    @SafeVarargs
    private static PlanStep step(List<String>... owners) {
        return new PlanStep(new Placement(List.of(owners)), List.of(), true);
    }

    private static SortedMap<String, Double> capacities(String... ids) {
        SortedMap<String, Double> caps = new TreeMap<>();
        for (String id : ids)
            caps.put(id, 10.0);
        return caps;
    }
}
