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

package dev.autopilot.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.autopilot.affinity.PlanPublisher;
import dev.autopilot.affinity.scaler.StandbyScalerConfiguration;
import dev.autopilot.affinity.scaler.StandbyScalerMode;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standby scaler run by the plugin in dry run: two baseline nodes and a standby one, a cache with
 * {@link PredictiveAffinityFunction} and one backup, and a node capacity so small that any load is forecast above
 * what two nodes carry. The scaler records the add it would make in {@code AUTOPILOT.PLAN_CHANGES}, and changes
 * neither the baseline, nor the assignment, nor the stored plans.
 */
class StandbyScalerDryRunPluginTest {
    private static final String CACHE = "scaled";
    private static final int PARTS = 32;

    @Test
    void recordsTheAddItWouldMakeAndChangesNothing() throws Exception {
        AutopilotConfiguration cfg = new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0)
            .setStandbyScaler(new StandbyScalerConfiguration().setMode(StandbyScalerMode.DRY_RUN)
                .setCaches(List.of(CACHE)).setNodeCapacity(1).setPeriodSeconds(1).setForecastHorizon(3)
                .setHistoryWindows(30).setMarginSeconds(0));
        try (TestCluster cluster = new TestCluster()) {
            Ignite first = cluster.startFixedBaseline(cfg);
            cluster.createPlannedCache(CACHE, PARTS);
            Ignite standby = cluster.start(cluster.config(2, cfg));
            String standbyId = String.valueOf(standby.cluster().localNode().consistentId());
            List<String> baseline = TestCluster.baseline(first);
            List<List<String>> assignment = assignment(first);
            assertEquals(2, baseline.size());

            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                IgniteCache<Integer, Integer> cache = first.cache(CACHE);
                for (int k = 0; writing.get(); k++) {
                    cache.put(k % 1_000, k);
                    sleepQuietly(k % 20 == 0 ? 5 : 0);
                }
            }, "scaler-test-writer");
            writer.start();
            List<List<?>> adds;
            try {
                TestCluster.await("a DRY_RUN add in AUTOPILOT.PLAN_CHANGES", () -> !addRows(first).isEmpty(), 40_000);
                adds = addRows(first);
            }
            finally {
                writing.set(false);
                writer.join();
            }

            List<?> add = adds.get(0);
            assertEquals("DRY_RUN", add.get(0), "mode");
            assertEquals("DRY_RUN", add.get(1), "outcome");
            assertEquals(String.join(",", baseline), add.get(2), "nodes before");
            assertTrue(((String)add.get(3)).contains(standbyId), "the standby node joins on paper: " + add.get(3));
            assertTrue(((Number)add.get(4)).doubleValue() > ((Number)add.get(5)).doubleValue(),
                "predicted load above the capacity of two nodes: " + add);
            assertTrue(((String)add.get(6)).contains("above the capacity 2 of 2 nodes"), (String)add.get(6));

            assertEquals(baseline, TestCluster.baseline(first), "the baseline did not change");
            assertEquals(assignment, assignment(first), "the assignment did not change");
            List<String> larger = List.of(((String)add.get(3)).split(","));
            assertTrue(PlanPublisher.of(first).read(CACHE, larger).isEmpty(), "no plan was published for " + larger);
        }
    }

    private static List<List<?>> addRows(Ignite node) {
        return node.cache(CACHE).query(new SqlFieldsQuery("SELECT MODE, OUTCOME, NODES_BEFORE, NODES_AFTER, "
            + "PREDICTED_LOAD, CAPACITY, REASON FROM AUTOPILOT.PLAN_CHANGES WHERE CACHE_NAME = ? AND ACTION = 'ADD' "
            + "ORDER BY DECIDED_AT").setArgs(CACHE)).getAll();
    }


    private static List<List<String>> assignment(Ignite node) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < PARTS; p++) {
            List<String> owners = new ArrayList<>();
            for (ClusterNode n : node.affinity(CACHE).mapPartitionToPrimaryAndBackups(p))
                owners.add(String.valueOf(n.consistentId()));
            rows.add(owners);
        }
        return rows;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
