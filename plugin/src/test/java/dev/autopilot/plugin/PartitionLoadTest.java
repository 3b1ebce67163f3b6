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

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-partition reads and writes on two nodes with backups: every write counted once (on its primary, not on the
 * backup), every {@code get} once (where it was asked), and the cluster's sum per partition readable from SQL.
 */
class PartitionLoadTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final String CACHE = "kv";

    @BeforeAll
    static void start() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        CLUSTER.createCountedCache(CACHE);
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    void everyReadAndWriteIsCountedOnceInItsPartition() {
        IgniteCache<Integer, String> fromFirst = CLUSTER.node(0).cache(CACHE);
        IgniteCache<Integer, String> fromSecond = CLUSTER.node(1).cache(CACHE);
        Map<Integer, long[]> expected = new TreeMap<>();
        for (int k = 0; k < 200; k++) {
            (k % 2 == 0 ? fromFirst : fromSecond).put(k, "v" + k);
            expected.computeIfAbsent(partition(k), p -> new long[2])[1]++;
        }
        for (int k = 0; k < 100; k++) {
            fromSecond.get(k);
            fromFirst.get(k);
            expected.get(partition(k))[0] += 2;
        }
        fromFirst.remove(7);
        expected.get(partition(7))[1]++;

        int rows = 0;
        for (Ignite node : CLUSTER.nodes())
            rows += AutopilotPlugin.of(node).placement().publishPartitionLoad();
        assertTrue(rows > 0, "rows were written");

        Map<Integer, long[]> counted = new TreeMap<>();
        for (List<?> r : CLUSTER.node(0).cache(CACHE).query(new SqlFieldsQuery("SELECT PARTITION_ID, SUM(READS), "
            + "SUM(WRITES) FROM AUTOPILOT.PARTITION_LOAD WHERE CACHE_NAME = ? GROUP BY PARTITION_ID").setArgs(CACHE))
            .getAll())
            counted.put(((Number)r.get(0)).intValue(), new long[] {((Number)r.get(1)).longValue(),
                ((Number)r.get(2)).longValue()});
        assertEquals(render(expected), render(counted));
    }

    private static int partition(int key) {
        return CLUSTER.node(0).affinity(CACHE).partition(key);
    }

    private static String render(Map<Integer, long[]> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((p, c) -> sb.append(p).append(": reads=").append(c[0]).append(" writes=").append(c[1])
            .append('\n'));
        return sb.toString();
    }
}
