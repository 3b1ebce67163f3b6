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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ignite.cluster.ClusterNode;

/**
 * Turns a stored plan into an assignment over the given nodes, or says why it cannot: every partition listed, each
 * with {@code min(backups + 1, nodes)} distinct nodes, all of them among the given nodes. A plan that fails any check
 * is not used at all, so no node ever follows half a plan.
 */
final class PlanResolver {
    private PlanResolver() {
    }

    /** The assignment, or the reason the plan cannot be used. */
    record Resolution(List<List<ClusterNode>> assignment, String problem) {
    }

    static Resolution resolve(String[][] plan, List<ClusterNode> nodes, int partitions, int backups) {
        if (plan.length != partitions)
            return problem("the plan has " + plan.length + " partitions, the cache " + partitions);
        Map<String, ClusterNode> byId = new HashMap<>();
        for (ClusterNode n : nodes)
            byId.put(String.valueOf(n.consistentId()), n);
        int copies = Math.min(backups + 1, nodes.size());
        List<List<ClusterNode>> assignment = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            String[] row = plan[p];
            if (row == null || row.length != copies)
                return problem("partition " + p + " has " + (row == null ? 0 : row.length) + " owners, expected " + copies);
            List<ClusterNode> owners = new ArrayList<>(copies);
            Set<String> seen = new HashSet<>();
            for (String id : row) {
                ClusterNode n = byId.get(id);
                if (n == null)
                    return problem("partition " + p + " names node " + id + ", which is not in the topology");
                if (!seen.add(id))
                    return problem("partition " + p + " names node " + id + " twice");
                owners.add(n);
            }
            assignment.add(owners);
        }
        return new Resolution(assignment, null);
    }

    private static Resolution problem(String why) {
        return new Resolution(null, why);
    }
}
