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

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.CacheException;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationRunner;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.manage.TableLatencies;
import dev.autopilot.adaptation.manage.TemplateLatency;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.internal.cluster.ClusterTopologyCheckedException;
import org.apache.ignite.internal.processors.query.IgniteSQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A node that dies while an adaptation is being watched after its cut-over makes the manager's query of the
 * cluster-wide query log fail, as Ignite fails a SQL query whose fragments ran on a node that left. That is no reason
 * to judge the adaptation failed and roll it back: the manager tries again once the topology settled, as often as a
 * node's death takes, and keeps it. The runner here is the manager's, with the query log failing several times more
 * than a step may fail for other reasons, and a clock the test moves past the watch.
 */
class TopologyChangeRetryTest {
    private static final TestCluster CLUSTER = new TestCluster();

    /** More than the attempts a step has for failures of its own. */
    private static final int NODE_LEFT_FAILURES = 5;

    private static final String PROFILE = """
        {"partition_id": "W", "table": "PUBLIC.W", "version": 1,
         "derived_attributes": [{"name": "AP_W_BUCKET", "expression": "FLOOR(d / 10)"}],
         "composite_index": ["AP_W_BUCKET"]}
        """;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(1, new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0).setAdaptation(new AdaptationConfiguration().setMode(AdaptationMode.OFF)
                .setWatchWindows(1).setFillLatencyRatio(0).setFillNiceRatio(0)));
        sql("CREATE TABLE W (ID INT PRIMARY KEY, D INT)");
        for (int id = 0; id < 100; id++)
            sql("INSERT INTO W (ID, D) VALUES (" + id + ", " + id + ")");
        // This test runs the manager's steps itself.
        TestCluster.await("the adaptation manager deployed", () -> CLUSTER.node(0).services().serviceDescriptors()
            .stream().anyMatch(d -> d.name().equals(AdaptationService.NAME)));
        CLUSTER.node(0).services().cancel(AdaptationService.NAME);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void aWatchCutShortByANodeLeavingIsTriedAgainNotRolledBack() {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        String id = plugin.adaptation().requestAdaptation(PROFILE);
        AtomicLong now = new AtomicLong(System.currentTimeMillis());
        NodeLeftLatencies latencies = new NodeLeftLatencies(NODE_LEFT_FAILURES);
        AdaptationRunner runner = plugin.node().adaptationRunner("test-runner", () -> false, latencies, now::get);

        runner.runUnfinished();
        assertEquals(AdaptationStep.WATCHING, adaptation(plugin, id).step(), "cut over, then waits for the watch");

        now.addAndGet(3_600_000);
        runner.runUnfinished();
        Adaptation a = adaptation(plugin, id);
        assertEquals(AdaptationStep.DONE, a.step(), "reason: " + a.reason());
        assertEquals(NODE_LEFT_FAILURES, latencies.failed.get(), "every failure was tried again");
    }

    private static Adaptation adaptation(AutopilotPlugin plugin, String id) {
        return plugin.adaptations().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private static void sql(String sql) {
        CLUSTER.node(0).cache("autopilot_table_access").query(new SqlFieldsQuery(sql).setSchema("PUBLIC")).getAll();
    }

    /** The query log as it reads while a node leaves: failing as a SQL query does, a given number of times. */
    private static final class NodeLeftLatencies implements TableLatencies {
        private final int failures;
        private final AtomicInteger failed = new AtomicInteger();

        NodeLeftLatencies(int failures) {
            this.failures = failures;
        }

        @Override public Map<String, TemplateLatency> measure(String table, long fromMillis, long toMillis) {
            if (failed.get() < failures) {
                failed.incrementAndGet();
                throw new CacheException(new IgniteSQLException("An error occurred while query executing - "
                    + "Failed to execute query, node left", new ClusterTopologyCheckedException(
                    "Failed to execute query, node left")));
            }
            return Map.of();
        }
    }
}
