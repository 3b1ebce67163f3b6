package dev.autopilot.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.autopilot.affinity.PlanPublisher;
import dev.autopilot.affinity.PredictiveAffinityFunction;
import dev.autopilot.affinity.hot.HotRowInterceptor;
import dev.autopilot.affinity.plan.RendezvousPlacement;
import javax.cache.CacheException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.configuration.CacheConfiguration;
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
            Ignite first = cluster.start(cluster.config(0, cfg));
            first.cluster().baselineAutoAdjustEnabled(false);
            cluster.start(cluster.config(1, cfg));
            first.cluster().setBaselineTopology(first.cluster().topologyVersion());
            List<String> two = baseline(first);
            assertTrue(PlanPublisher.of(first).publish(CACHE, two, RendezvousPlacement.place(PARTS, two, 1)));
            first.getOrCreateCache(new CacheConfiguration<Integer, Integer>(CACHE).setBackups(1)
                .setAffinity(new PredictiveAffinityFunction().setPartitions(PARTS).setPlanName(CACHE))
                .setInterceptor(new HotRowInterceptor<>()));
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
            assertTrue(baseline(first).contains(standbyId), "the standby node is in the baseline: " + baseline(first));

            TestCluster.await("the standby node removed", () -> outcome(first, "REMOVE").equals(List.of("DONE")),
                40_000);
            assertEquals(two, baseline(first), "the baseline is the first two nodes again");
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

    private static List<String> baseline(Ignite node) {
        List<String> ids = new ArrayList<>();
        for (BaselineNode n : node.cluster().currentBaselineTopology())
            ids.add(String.valueOf(n.consistentId()));
        ids.sort(null);
        return ids;
    }
}
