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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.autopilot.affinity.PlanPublisher;
import dev.autopilot.affinity.plan.RendezvousPlacement;
import javax.cache.CacheException;
import dev.autopilot.affinity.scaler.StandbyScalerConfiguration;
import dev.autopilot.affinity.scaler.StandbyScalerMode;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standby scaler run by the plugin in {@code APPLY} mode: two baseline nodes and a standby one. Writes above what
 * two nodes carry make it add the standby node to the baseline; when the writes stop it removes the node again with
 * a graceful stop run on that node through compute. Both changes are recorded {@code DONE}, the baseline ends as it
 * began, and every key holds its last acknowledged value.
 */
class StandbyScalerApplyPluginTest {
    private static final String CACHE = "applied";
    private static final int PARTS = 32;

    @Test
    void addsTheStandbyForLoadAndStopsItAfter() throws Exception {
        AutopilotConfiguration cfg = new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0)
            .setStandbyScaler(new StandbyScalerConfiguration().setMode(StandbyScalerMode.APPLY)
                .setCaches(List.of(CACHE)).setNodeCapacity(50).setPeriodSeconds(1).setForecastHorizon(2)
                .setHistoryWindows(10).setMarginSeconds(0).setMinNodes(2));
        try (TestCluster cluster = new TestCluster()) {
            Ignite first = cluster.startFixedBaseline(cfg);
            List<String> two = TestCluster.baseline(first);
            assertTrue(PlanPublisher.of(first).publish(CACHE, two, RendezvousPlacement.place(PARTS, two, 1)));
            cluster.createPlannedCache(CACHE, PARTS);
            Ignite standby = cluster.start(cluster.config(2, cfg));
            String standbyId = String.valueOf(standby.cluster().localNode().consistentId());

            Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                IgniteCache<Integer, Integer> cache = first.cache(CACHE);
                for (int i = 0; writing.get(); i++) {
                    cache.put(i % 1_000, i);
                    acknowledged.put(i % 1_000, i);
                }
            }, "scaler-apply-writer");
            writer.start();
            try {
                TestCluster.await("the standby node added", () -> outcome(first, "ADD").equals(List.of("DONE")),
                    40_000);
            }
            finally {
                writing.set(false);
                writer.join();
            }
            List<String> three = TestCluster.baseline(first);
            assertTrue(three.contains(standbyId), "the standby node is in the baseline: " + three);

            TestCluster.await("the standby node removed", () -> outcome(first, "REMOVE").equals(List.of("DONE")),
                40_000);
            assertEquals(two, TestCluster.baseline(first), "the baseline is the first two nodes again");
            assertEquals(IgniteState.STOPPED, Ignition.state(standby.name()), "the standby node stopped");
            cluster.nodes().remove(standby);

            IgniteCache<Integer, Integer> cache = first.cache(CACHE);
            acknowledged.forEach((k, v) -> assertEquals(v, cache.get(k), "key " + k));
        }
    }

    /** @return the outcomes of the changes, oldest first; none while a query meets a topology change */
    private static List<String> outcome(Ignite node, String action) {
        List<String> out = new ArrayList<>();
        try {
            for (List<?> r : node.cache(CACHE).query(new SqlFieldsQuery("SELECT OUTCOME FROM AUTOPILOT.PLAN_CHANGES "
                + "WHERE CACHE_NAME = ? AND ACTION = ? ORDER BY DECIDED_AT").setArgs(CACHE, action)).getAll())
                out.add((String)r.get(0));
        }
        catch (IgniteException | CacheException e) {
            return List.of();
        }
        return out;
    }

}
