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

package dev.autopilot.affinity.apply;

import java.util.ArrayList;
import java.util.List;
import dev.autopilot.affinity.PlanPublisher;
import dev.autopilot.affinity.PredictiveAffinityFunction;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.affinity.plan.RendezvousPlacement;
import dev.autopilot.testkit.IgniteTestCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.affinity.AffinityFunction;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the tests of applied plans share: their start, cache settings and reading each node's assignment. */
final class Assignments {
    private Assignments() {
    }

    /**
     * Starts nodes 0 to 2 of {@code cluster} as the whole baseline, publishes the Rendezvous placement over them
     * (one backup) as the plan of {@code cache}, and creates {@code cache} placed by its plan.
     *
     * @return the consistent ids of the three nodes
     */
    static List<String> startPlannedBaseline(IgniteTestCluster cluster, String cache, int partitions) throws Exception {
        Ignite first = cluster.startFixedBaseline(3, cluster::config);
        List<String> three = List.of(cluster.consistentId(0), cluster.consistentId(1), cluster.consistentId(2));
        assertTrue(PlanPublisher.of(first).publish(cache, three, RendezvousPlacement.place(partitions, three, 1)));
        first.getOrCreateCache(cacheConfig(cache, function(partitions, cache)));
        return three;
    }

    /** @return the assignment {@code node} computes for {@code cache}, by consistent id, primary first */
    static List<List<String>> of(Ignite node, String cache) {
        int parts = node.affinity(cache).partitions();
        List<List<String>> rows = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            List<String> owners = new ArrayList<>();
            for (ClusterNode n : node.affinity(cache).mapPartitionToPrimaryAndBackups(p))
                owners.add(String.valueOf(n.consistentId()));
            rows.add(owners);
        }
        return rows;
    }

    static List<List<String>> rows(Placement plan) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < plan.partitions(); p++)
            rows.add(plan.owners(p));
        return rows;
    }

    /** Asserts every node computes {@code expected} for {@code cache}. */
    static void assertOnEveryNode(List<Ignite> nodes, String cache, List<List<String>> expected, String what) {
        for (Ignite node : nodes)
            assertEquals(expected, of(node, cache), what + ", on " + node.name());
    }

    static PredictiveAffinityFunction function(int partitions, String planName) {
        return new PredictiveAffinityFunction().setPartitions(partitions).setPlanName(planName);
    }

    static CacheConfiguration<Integer, Long> cacheConfig(String name, AffinityFunction aff) {
        return new CacheConfiguration<Integer, Long>(name)
            .setAffinity(aff)
            .setBackups(1)
            .setAtomicityMode(CacheAtomicityMode.ATOMIC)
            .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
    }
}
