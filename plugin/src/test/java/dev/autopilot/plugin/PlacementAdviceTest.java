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
import dev.autopilot.affinity.advise.PlacementDecision;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The placement advisor in dry run on three nodes: writes aimed at one node's primaries make it propose moves off
 * that node, recorded once per window in {@code AUTOPILOT.PLACEMENT_DECISIONS} with its reason; the live assignment
 * does not change; the next window fills in what the proposed placement would have carried.
 */
class PlacementAdviceTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final String CACHE = "hotspot";

    @BeforeAll
    static void start() {
        CLUSTER.start(3, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        CLUSTER.createCountedCache(CACHE);
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    void loadOnOneNodeIsAdvisedAwayInDryRun() {
        Ignite first = CLUSTER.node(0);
        List<List<String>> before = assignment(first);
        String busy = String.valueOf(first.cluster().localNode().consistentId());

        writeToPrimariesOf(first, 3);
        PlacementDecision d = publishAndAdvise();
        assertTrue(d.reason().startsWith("node " + busy + " at "), d.reason());
        assertTrue(!d.moves().isEmpty(), "moves are proposed");
        assertTrue(d.moves().stream().allMatch(m -> busy.equals(m.from())), "load moves off the busy node: " + d.moves());
        assertEquals(List.of(), AutopilotPlugin.of(first).placement().advisePlacement(), "a window is decided once");

        List<List<?>> rows = sql("SELECT MODE, REASON, MOVE_COUNT, PREDICTED_PEAK, ACTUAL_PEAK "
            + "FROM AUTOPILOT.PLACEMENT_DECISIONS WHERE CACHE_NAME = ?");
        assertEquals(1, rows.size());
        assertEquals("DRY_RUN", rows.get(0).get(0));
        assertEquals(d.reason(), rows.get(0).get(1));
        assertEquals(d.moves().size(), rows.get(0).get(2));
        assertNull(rows.get(0).get(4), "no later window yet");
        assertEquals(before, assignment(first), "a dry run moves nothing");

        writeToPrimariesOf(first, 3);
        publishAndAdvise();
        List<List<?>> both = sql("SELECT PREDICTED_PEAK, ACTUAL_PEAK FROM AUTOPILOT.PLACEMENT_DECISIONS "
            + "WHERE CACHE_NAME = ? ORDER BY WINDOW_START");
        assertEquals(2, both.size());
        assertNotNull(both.get(0).get(1), "the first decision learns its actual peak from the second window");
        assertEquals(((Number)both.get(0).get(0)).doubleValue(), ((Number)both.get(0).get(1)).doubleValue(), 1e-9,
            "the same load in both windows: the prediction held exactly");
    }

    private static PlacementDecision publishAndAdvise() {
        for (Ignite node : CLUSTER.nodes())
            AutopilotPlugin.of(node).placement().publishPartitionLoad();
        List<PlacementDecision> made = AutopilotPlugin.of(CLUSTER.node(1)).placement().advisePlacement();
        assertEquals(1, made.size(), "one decision for the one cache with load: " + made);
        assertEquals(CACHE, made.get(0).cacheName());
        return made.get(0);
    }

    /** Writes each key of the partitions {@code node} is primary for {@code times} times, nothing else. */
    private static void writeToPrimariesOf(Ignite node, int times) {
        IgniteCache<Integer, Integer> cache = node.cache(CACHE);
        for (int t = 0; t < times; t++) {
            for (int k = 0; k < 2_000; k++) {
                if (node.affinity(CACHE).isPrimary(node.cluster().localNode(), k))
                    cache.put(k, t);
            }
        }
    }

    private static List<List<String>> assignment(Ignite node) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < 32; p++) {
            List<String> owners = new ArrayList<>();
            for (ClusterNode n : node.affinity(CACHE).mapPartitionToPrimaryAndBackups(p))
                owners.add(String.valueOf(n.consistentId()));
            rows.add(owners);
        }
        return rows;
    }

    private static List<List<?>> sql(String query) {
        return CLUSTER.node(0).cache(CACHE).query(new SqlFieldsQuery(query).setArgs(CACHE)).getAll();
    }
}
