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

package dev.autopilot.affinity;

import java.lang.reflect.Proxy;
import java.util.List;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlanResolverTest {
    private static final List<ClusterNode> NODES = List.of(node("a"), node("b"), node("c"));

    @Test
    void resolvesAValidPlanToTheNamedNodesInOrder() {
        PlanResolver.Resolution r = PlanResolver.resolve(new String[][] {{"b", "a"}, {"c", "b"}}, NODES, 2, 1);
        assertNull(r.problem());
        assertEquals(List.of(List.of(NODES.get(1), NODES.get(0)), List.of(NODES.get(2), NODES.get(1))), r.assignment());
    }

    @Test
    void rejectsEveryKindOfInvalidPlanSayingWhy() {
        assertProblem("the plan has 1 partitions, the cache 2", new String[][] {{"a", "b"}});
        assertProblem("partition 1 has 1 owners, expected 2", new String[][] {{"a", "b"}, {"c"}});
        assertProblem("partition 1 has 0 owners, expected 2", new String[][] {{"a", "b"}, null});
        assertProblem("partition 0 names node x, which is not in the topology", new String[][] {{"x", "b"}, {"a", "b"}});
        assertProblem("partition 1 names node c twice", new String[][] {{"a", "b"}, {"c", "c"}});
    }

    @Test
    void expectsNoMoreCopiesThanNodes() {
        assertNull(PlanResolver.resolve(new String[][] {{"a", "b", "c"}}, NODES, 1, 5).problem());
    }

    private static void assertProblem(String expected, String[][] plan) {
        PlanResolver.Resolution r = PlanResolver.resolve(plan, NODES, 2, 1);
        assertNull(r.assignment());
        assertEquals(expected, r.problem());
    }

    /** A node that only knows its consistent id: all the resolver reads. */
    private static ClusterNode node(String id) {
        return (ClusterNode)Proxy.newProxyInstance(PlanResolverTest.class.getClassLoader(), new Class<?>[] {ClusterNode.class},
            (self, m, args) -> switch (m.getName()) {
                case "consistentId", "toString" -> id;
                case "hashCode" -> id.hashCode();
                case "equals" -> self == args[0];
                default -> throw new UnsupportedOperationException(m.getName());
            });
    }
}
