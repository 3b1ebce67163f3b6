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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Highest-random-weight placement, the scheme of Ignite's Rendezvous affinity (not its exact hash): each partition
 * goes to the nodes that score highest for it. Load-blind, so it is what the planner is measured against, and the
 * placement a planned cluster starts from.
 */
public final class RendezvousPlacement {
    private RendezvousPlacement() {
    }

    /**
     * @param partitions Number of partitions.
     * @param nodes Node ids.
     * @param backups Backups per partition.
     * @return The placement.
     */
    public static Placement place(int partitions, List<String> nodes, int backups) {
        int copies = Math.min(backups + 1, nodes.size());
        long[] nodeHash = nodes.stream().mapToLong(id -> mix(id.hashCode())).toArray();
        List<List<String>> owners = new ArrayList<>(partitions);
        Integer[] order = new Integer[nodes.size()];
        for (int p = 0; p < partitions; p++) {
            long[] weight = new long[nodes.size()];
            for (int n = 0; n < weight.length; n++) {
                weight[n] = mix(nodeHash[n] ^ (p * 0x9E3779B97F4A7C15L));
                order[n] = n;
            }
            Arrays.sort(order, Comparator.comparingLong((Integer n) -> weight[n]).reversed().thenComparing(n -> n));
            List<String> row = new ArrayList<>(copies);
            for (int i = 0; i < copies; i++)
                row.add(nodes.get(order[i]));
            owners.add(row);
        }
        return new Placement(owners);
    }

    /** SplitMix64's finalizer: spreads nearby inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
