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

package dev.autopilot.affinity.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementPlannerTest {
    @Test
    void nothingMovesWhenEveryNodeFits() {
        Placement current = placement(List.of("A", "B"), List.of("B", "C"), List.of("C", "A"));
        PlanStep step = planner(1, 0.2, 16).plan(current, capacities(10, "A", "B", "C"), new double[] {5, 5, 5});
        assertEquals(current, step.placement());
        assertEquals(List.of(), step.moves());
        assertTrue(step.withinCapacity());
    }

    /** A = 8 + 4 = 12; promoting p1 onto C (A 9, C 4.5) beats promoting p0 onto B (A 6, B 10). */
    @Test
    void promotesTheBackupThatLeavesBothNodesLeastUtilized() {
        Placement current = placement(List.of("A", "B"), List.of("A", "C"), List.of("B", "C"));
        PlanStep step = planner(1, 0.25, 16).plan(current, capacities(10, "A", "B", "C"), new double[] {8, 4, 2});
        assertEquals(placement(List.of("A", "B"), List.of("C", "A"), List.of("B", "C")), step.placement());
        assertEquals(List.of(new Move(1, "A", "C", Move.Kind.PROMOTE)), step.moves());
        assertTrue(step.withinCapacity());
        assertEquals(0, step.copies());
    }

    /** Promoting p0 or p1 would put 14 on B, so p0's primary is copied to the empty node C. */
    @Test
    void copiesWhenNoBackupCanTakeThePrimary() {
        Placement current = placement(List.of("A", "B"), List.of("A", "B"), List.of("B", "A"));
        PlanStep step = planner(1, 0, 16).plan(current, capacities(10, "A", "B", "C"), new double[] {6, 6, 8});
        assertEquals(placement(List.of("C", "B"), List.of("A", "B"), List.of("B", "A")), step.placement());
        assertEquals(List.of(new Move(0, "A", "C", Move.Kind.COPY)), step.moves());
        assertTrue(step.withinCapacity());
    }

    @Test
    void replacesCopiesOnRemovedNodesPromotingSurvivingBackups() {
        Placement current = placement(List.of("C", "A"), List.of("B", "C"), List.of("A", "B"));
        PlanStep step = planner(1, 0, 16).plan(current, capacities(10, "A", "B"), new double[] {2, 3, 1});
        assertEquals(placement(List.of("A", "B"), List.of("B", "A"), List.of("A", "B")), step.placement());
        assertEquals(List.of(new Move(0, "C", "A", Move.Kind.PROMOTE), new Move(0, null, "B", Move.Kind.COPY),
            new Move(1, null, "A", Move.Kind.COPY)), step.moves());
        assertTrue(step.withinCapacity());
    }

    /** A holds 20 on a capacity of 10: two partitions must go, to the two empty nodes. */
    @Test
    void stopsAtTheMoveCap() {
        Placement current = placement(List.of("A"), List.of("A"), List.of("A"), List.of("A"), List.of("B"));
        double[] load = {5, 5, 5, 5, 5};
        SortedMap<String, Double> caps = capacities(10, "A", "B", "C", "D");

        PlanStep capped = planner(0, 0.2, 1).plan(current, caps, load);
        assertEquals(List.of(new Move(0, "A", "C", Move.Kind.COPY)), capped.moves());
        assertFalse(capped.withinCapacity());

        PlanStep free = planner(0, 0.2, 5).plan(current, caps, load);
        assertEquals(placement(List.of("C"), List.of("D"), List.of("A"), List.of("A"), List.of("B")), free.placement());
        assertTrue(free.withinCapacity());
    }

    @Test
    void sameInputSamePlanAndEveryPartitionKeepsDistinctOwners() {
        Random rnd = new Random(7);
        List<String> nodes = List.of("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7");
        List<List<String>> rows = new ArrayList<>();
        double[] load = new double[256];
        for (int p = 0; p < load.length; p++) {
            int a = rnd.nextInt(4);
            rows.add(List.of(nodes.get(a), nodes.get(a + 1 + rnd.nextInt(3))));
            load[p] = rnd.nextDouble() * 10;
        }
        Placement current = new Placement(rows);
        SortedMap<String, Double> caps = capacities(200, nodes.toArray(new String[0]));

        PlanStep first = planner(1, 0.2, 200).plan(current, caps, load);
        PlanStep second = planner(1, 0.2, 200).plan(current, caps, load);
        assertEquals(first, second);
        assertTrue(first.withinCapacity());
        assertTrue(first.moves().size() > 0);
        for (int p = 0; p < load.length; p++)
            assertEquals(2, first.placement().owners(p).stream().distinct().count(), "partition " + p);
    }

    private static PlacementPlanner planner(int backups, double share, int maxMoves) {
        return new PlacementPlanner(new PlannerSettings().setBackups(backups).setBackupLoadShare(share)
            .setMaxMovesPerStep(maxMoves));
    }

    @SafeVarargs
    private static Placement placement(List<String>... owners) {
        return new Placement(List.of(owners));
    }

    private static SortedMap<String, Double> capacities(double cap, String... nodes) {
        SortedMap<String, Double> caps = new TreeMap<>();
        for (String n : nodes)
            caps.put(n, cap);
        return caps;
    }
}
