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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RendezvousPlacementTest {
    private static final List<String> NODES = List.of("a", "b", "c", "d");

    @Test
    void distinctOwnersSpreadEvenlyAndTheSameEveryTime() {
        Placement p = RendezvousPlacement.place(1024, NODES, 1);
        assertEquals(p, RendezvousPlacement.place(1024, NODES, 1));
        Map<String, Integer> primaries = new HashMap<>();
        for (int i = 0; i < p.partitions(); i++) {
            assertEquals(2, p.owners(i).stream().distinct().count());
            primaries.merge(p.primary(i), 1, Integer::sum);
        }
        for (String n : NODES)
            assertTrue(primaries.get(n) > 200 && primaries.get(n) < 312, n + " has " + primaries.get(n) + " primaries");
    }

    @Test
    void addingANodeMovesOnlyPartitionsToIt() {
        Placement before = RendezvousPlacement.place(1024, NODES, 0);
        Placement after = RendezvousPlacement.place(1024, List.of("a", "b", "c", "d", "e"), 0);
        for (int i = 0; i < before.partitions(); i++) {
            if (!before.primary(i).equals(after.primary(i)))
                assertEquals("e", after.primary(i), "partition " + i);
        }
    }
}
