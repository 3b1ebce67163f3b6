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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.testkit.Await;
import dev.autopilot.testkit.IgniteClusterExtension;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.affinity.AffinityFunction;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function on real nodes, baseline auto-adjust off, backups=1: three nodes first, then a fourth that joins later
 * and a baseline of four that a plan written beforehand places.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictiveAffinityFunctionTest {
    private static final int PARTS = 64;
    private static final int KEYS = 5_000;

    @RegisterExtension
    static final IgniteClusterExtension CLUSTER = new IgniteClusterExtension(3);

    /** Fixes the baseline at the three nodes, so that a node started later stays out until a test adds it. */
    @BeforeAll
    static void fixBaseline() {
        Ignite first = CLUSTER.node(0);
        first.cluster().baselineAutoAdjustEnabled(false);
        first.cluster().setBaselineTopology(first.cluster().topologyVersion());
        first.getOrCreateCache(cacheConfig("rendezvous", new RendezvousAffinityFunction(false, PARTS)));
    }

    @Test
    @Order(1)
    void missingPlanGivesRendezvousAssignmentOnEveryNode() {
        CLUSTER.node(0).getOrCreateCache(cacheConfig("missing", function("never-planned")));
        for (Ignite node : CLUSTER.nodes())
            assertEquals(assignment(node, "rendezvous"), assignment(node, "missing"), node.name());
    }

    @Test
    @Order(2)
    void invalidPlanGivesRendezvousAssignmentOnEveryNode() throws Exception {
        List<String> ids = ids(3);
        List<List<String>> owners = new ArrayList<>();
        for (int p = 0; p < PARTS; p++)
            owners.add(List.of(ids.get(p % 3), ids.get(p % 3)));
        assertTrue(PlanPublisher.of(CLUSTER.node(1)).publish("twice", ids, new Placement(owners)));

        CLUSTER.node(0).getOrCreateCache(cacheConfig("invalid", function("twice")));
        for (Ignite node : CLUSTER.nodes())
            assertEquals(assignment(node, "rendezvous"), assignment(node, "invalid"), node.name());
    }

    @Test
    @Order(3)
    void planWrittenBeforeTheBaselineChangeIsFollowedWithoutLosingUpdates() throws Exception {
        Ignite first = CLUSTER.node(0);
        IgniteCache<Integer, Long> cache = first.getOrCreateCache(cacheConfig("planned", function("moved")));
        AtomicLongArray acked = new AtomicLongArray(KEYS);
        for (int k = 0; k < KEYS; k++) {
            cache.put(k, 0L);
            acked.set(k, 0L);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (long v = 1; writing.get(); v++) {
                    int k = (int)(v % KEYS);
                    cache.put(k, v);
                    acked.set(k, v);
                    written.set(v);
                }
            }
            catch (Throwable e) {
                writerFailure.set(e);
            }
        }, "test-writer");
        writer.start();

        List<String> four = ids(4);
        Placement plan = shiftedPlan(four);
        assertTrue(PlanPublisher.of(first).publish("moved", four, plan));
        assertEquals(false, PlanPublisher.of(first).publish("moved", four, shiftedPlan(List.of(four.get(1),
            four.get(2), four.get(3), four.get(0)))), "a second plan for the same node set must not replace the first");

        Ignite late = CLUSTER.startNode(3);
        assertEquals(plan, PlanPublisher.of(late).read("moved", four).orElseThrow(), "the joining node has the plan");
        first.cluster().setBaselineTopology(first.cluster().topologyVersion());

        for (Ignite node : CLUSTER.nodes())
            Await.until("planned assignment on " + node.name(), () -> assignment(node, "planned").equals(expected(plan)));
        long planned = written.get();
        Await.until("a thousand more writes under the plan",
            () -> written.get() >= planned + 1_000 || writerFailure.get() != null);
        writing.set(false);
        writer.join();
        assertNull(writerFailure.get(), () -> "writer failed: " + writerFailure.get());

        List<List<String>> rendezvous = assignment(first, "rendezvous");
        assertNotEquals(rendezvous, expected(plan), "the plan must differ from Rendezvous for the test to mean anything");
        for (Ignite node : CLUSTER.nodes())
            assertEquals(expected(plan), assignment(node, "planned"), node.name());
        assertEveryCopyHoldsTheLastAckedValue(acked);
    }

    private static void assertEveryCopyHoldsTheLastAckedValue(AtomicLongArray acked) {
        List<List<String>> owners = assignment(CLUSTER.node(0), "planned");
        int checked = 0;
        for (Ignite node : CLUSTER.nodes()) {
            String id = String.valueOf(node.cluster().localNode().consistentId());
            IgniteCache<Integer, Long> local = node.cache("planned");
            for (int k = 0; k < KEYS; k++) {
                int p = node.affinity("planned").partition(k);
                if (!owners.get(p).contains(id))
                    continue;
                Long v = local.localPeek(k, CachePeekMode.PRIMARY, CachePeekMode.BACKUP);
                assertEquals(Long.valueOf(acked.get(k)), v, "key " + k + " on " + id);
                checked++;
            }
        }
        assertEquals(2 * KEYS, checked, "every key on its primary and its backup");
    }

    /** Partition p on node p mod 4, its backup on the next node: unlike Rendezvous, and easy to check. */
    private static Placement shiftedPlan(List<String> ids) {
        List<List<String>> owners = new ArrayList<>();
        for (int p = 0; p < PARTS; p++)
            owners.add(List.of(ids.get(p % ids.size()), ids.get((p + 1) % ids.size())));
        return new Placement(owners);
    }

    private static List<List<String>> expected(Placement plan) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < plan.partitions(); p++)
            rows.add(plan.owners(p));
        return rows;
    }

    private static List<List<String>> assignment(Ignite node, String cache) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < PARTS; p++) {
            List<String> owners = new ArrayList<>();
            for (ClusterNode n : node.affinity(cache).mapPartitionToPrimaryAndBackups(p))
                owners.add(String.valueOf(n.consistentId()));
            rows.add(owners);
        }
        return rows;
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++)
            ids.add(CLUSTER.consistentId(i));
        return ids;
    }

    private static PredictiveAffinityFunction function(String planName) {
        return new PredictiveAffinityFunction().setPartitions(PARTS).setPlanName(planName);
    }

    private static CacheConfiguration<Integer, Long> cacheConfig(String name, AffinityFunction aff) {
        return new CacheConfiguration<Integer, Long>(name)
            .setAffinity(aff)
            .setBackups(1)
            .setAtomicityMode(CacheAtomicityMode.ATOMIC)
            .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
    }
}
