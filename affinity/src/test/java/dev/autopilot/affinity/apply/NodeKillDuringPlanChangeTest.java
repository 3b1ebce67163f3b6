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

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.autopilot.affinity.internal.RebalanceState;
import dev.autopilot.affinity.plan.RendezvousPlacement;
import dev.autopilot.testkit.Await;
import dev.autopilot.testkit.IgniteTestCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtPartitionState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node dies while a plan change rebalances. Three nodes (0, 1, 2) follow their plan, node 3 waits outside the
 * baseline; the executor adds node 3 under the plan for all four, and node 2 is killed while node 3 still receives
 * partitions. Rebalancing is slowed (small batches, a throttle) so that the kill lands inside it. Backups=1: one copy
 * of every partition survives. Ignite assigns over the whole baseline and leaves offline nodes out, so after the
 * kill the four-node plan stays in force without node 2 (its partitions on one copy): the plan does not fall back to
 * Rendezvous, it resumes in full when node 2 comes back, as a baseline node does after a crash.
 */
class NodeKillDuringPlanChangeTest {
    private static final int PARTS = 64;
    private static final int KEYS = 20_000;
    private static final String CACHE = "killed";

    @Test
    void killedNodeLeavesThePlanInForceOnOneCopyAndItResumesWhenTheNodeReturns() throws Exception {
        try (IgniteTestCluster cluster = new IgniteTestCluster(NodeKillDuringPlanChangeTest::slowRebalance)) {
            Assignments.startPlannedBaseline(cluster, CACHE, PARTS);
            Ignite first = cluster.node(0);
            first.getOrCreateCache(Assignments.cacheConfig("reference", new RendezvousAffinityFunction(false, PARTS)));
            Ignite standby = cluster.startNode(3);
            String joining = cluster.consistentId(3);
            String victim = cluster.consistentId(2);

            double[] weight = new double[PARTS];
            Arrays.fill(weight, 1);
            BaselinePlanExecutor executor = new BaselinePlanExecutor(first, CACHE, CACHE, 60_000);
            try (AckedWriters writers = new AckedWriters(first, CACHE, KEYS, 2, weight, () -> 300).start()) {
                CompletableFuture<PlanChange> change = CompletableFuture.supplyAsync(() -> {
                    try {
                        return executor.add(joining, (live, target) -> RendezvousPlacement.place(PARTS, target, 1));
                    }
                    catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Await.until("the baseline of four", () -> first.cluster().currentBaselineTopology().size() == 4);
                Await.until("rows of node 3's new partitions arriving (if it finished first, slow rebalancing down "
                    + "more)", () -> receiving(standby, CACHE));
                boolean rebalancing = !RebalanceState.settled(standby, CACHE);
                long killedAt = System.currentTimeMillis();
                cluster.kill(cluster.node(victim));
                assertTrue(rebalancing, "node 3 had finished rebalancing before the kill: slow rebalancing down more");

                PlanChange c = change.get(90, TimeUnit.SECONDS);
                System.out.printf("plan change: %s, %s; %d ms from start to settled, %d ms after the kill; "
                        + "%d partitions were to move, %d rows; puts %d, retried %d, over 100 ms %d, longest %d ms%n",
                    c.outcome(), c.note(), c.millis(), c.endedAt() - killedAt, c.moved().size(), c.rowsMoved(),
                    writers.ops(), writers.retries(), writers.stalls(), writers.maxPutMillis());
                assertEquals(PlanChange.Outcome.INTERRUPTED, c.outcome(), c.note());
                assertTrue(c.note().contains("keeps its plan"), c.note());
                writers.close();

                List<List<String>> four = Assignments.rows(executor.storedPlan(List.of(cluster.consistentId(0),
                    cluster.consistentId(1), victim, joining)).orElseThrow());
                List<List<String>> withoutVictim = four.stream()
                    .map(row -> row.stream().filter(id -> !id.equals(victim)).toList()).toList();
                Assignments.assertOnEveryNode(cluster.nodes(), CACHE, withoutVictim,
                    "node 2 dead: the plan of the four-node baseline without node 2");
                assertNotEquals(Assignments.of(first, "reference"), withoutVictim, "differs from Rendezvous");
                writers.assertEveryCopyHoldsTheLastAckedValue(cluster.nodes(), CACHE);

                cluster.startNode(2);
                Await.until("the returned node is rebalanced", () -> cluster.nodes().stream()
                    .allMatch(n -> RebalanceState.settled(n, CACHE)));
                Assignments.assertOnEveryNode(cluster.nodes(), CACHE, four,
                    "node 2 back: the baseline of four follows its plan in full");
                writers.assertEveryCopyHoldsTheLastAckedValue(cluster.nodes(), CACHE);
                assertFalse(executor.standby().contains(victim));
            }
        }
    }

    /** @return whether {@code node} holds rows of {@code cache} in partitions still moving to it */
    private static boolean receiving(Ignite node, String cache) {
        return ((IgniteEx)node).cachex(cache).context().topology().localPartitions().stream()
            .anyMatch(p -> p.state() == GridDhtPartitionState.MOVING && p.fullSize() > 0);
    }

    private static IgniteConfiguration slowRebalance(IgniteConfiguration cfg) {
        return cfg.setRebalanceBatchSize(4 * 1024).setRebalanceThrottle(20);
    }
}
