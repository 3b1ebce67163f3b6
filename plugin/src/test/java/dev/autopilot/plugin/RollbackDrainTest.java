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

import java.util.Iterator;
import java.util.List;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.autopilot.plugin.AdaptationManagerTest.awaitFinished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rollback takes back only what its adaptation added, against the layout as it is when it runs, and keeps deriving
 * the columns it takes back until no plan on any node can read them; one whose DROP keeps failing ends in a recorded
 * state after a few attempts instead of retrying, and republishing the layout, for ever.
 */
class RollbackDrainTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 2000;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0).setFillBatchSize(200)
            .setAdaptation(new AdaptationConfiguration().setWatchWindows(0).setFillLatencyRatio(0)
                .setFillNiceRatio(0)));
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void aRollbackKeepsDerivingItsColumnsWhileAQueryPlannedOverThemRuns() {
        ExpressionTables.create(CLUSTER.node(0), "R1", ROWS);
        String id = adapt("R1", "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}");
        SqlFieldsQuery reading = new SqlFieldsQuery("SELECT ID, A * B FROM R1 WHERE A * B >= 0").setSchema("PUBLIC")
            .setPageSize(1);
        long rewritten = plugin().rewriting().rewrittenStatements();
        FieldsQueryCursor<List<?>> open = CLUSTER.node(0).cache("autopilot_table_access").query(reading);
        try {
            Iterator<List<?>> rows = open.iterator();
            assertTrue(rows.hasNext());
            assertTrue(plugin().rewriting().rewrittenStatements() > rewritten, "the open query reads AP_AB");

            assertTrue(plugin().adaptation().rollbackAdaptation(id));
            TestCluster.await("no node rewrites to AP_AB", () -> CLUSTER.nodes().stream().allMatch(n ->
                readyColumns(AutopilotPlugin.of(n).adaptation().layouts().table("PUBLIC.R1")).isEmpty()));
            ExpressionTables.sql(CLUSTER.node(1), "UPDATE R1 SET A = A + 1 WHERE ID < 100");

            assertEquals(List.of(List.of(0L)), ExpressionTables.sql(CLUSTER.node(1), AutopilotPlugin.NO_REWRITE
                + " SELECT COUNT(*) FROM R1 WHERE AP_AB IS DISTINCT FROM A * B"), "AP_AB is derived until its drop");
            assertEquals(AdaptationStep.ROLLING_BACK, record(id).step(), "the open query holds the drop back");
        }
        finally {
            open.close();
        }
        Adaptation back = awaitFinished(plugin(), id);
        assertEquals(AdaptationStep.ROLLED_BACK, back.step(), "reason: " + back.reason());
        assertEquals(List.of(), AdaptationWorkload.derivedColumns(CLUSTER.node(0), "R1"));
    }

    @Test
    void aRollbackLeavesWhatALaterAdaptationAddedInTheLayoutAndKeptCurrent() {
        ExpressionTables.create(CLUSTER.node(0), "R2", ROWS);
        String first = adapt("R2", "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}");
        adapt("R2", "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}, "
            + "{\"name\": \"AP_APB\", \"expression\": \"a + b\"}");

        assertTrue(plugin().adaptation().rollbackAdaptation(first));
        Adaptation back = awaitFinished(plugin(), first);
        assertEquals(AdaptationStep.ROLLED_BACK, back.step(), "reason: " + back.reason());

        PartitionLayout layout = plugin().adaptation().layouts().table("PUBLIC.R2");
        assertNotNull(layout, "the later adaptation's column is still Autopilot's");
        assertEquals(List.of("AP_APB"), readyColumns(layout));
        assertEquals(List.of("AP_APB"), AdaptationWorkload.derivedColumns(CLUSTER.node(0), "R2"));
        ExpressionTables.sql(CLUSTER.node(1), "UPDATE R2 SET B = B + 1 WHERE ID < 100");
        assertEquals(List.of(List.of(0L)), ExpressionTables.sql(CLUSTER.node(1), AutopilotPlugin.NO_REWRITE
            + " SELECT COUNT(*) FROM R2 WHERE AP_APB IS DISTINCT FROM A + B"), "AP_APB is still derived");
    }

    @Test
    void aRollbackWhoseDropKeepsFailingEndsFailedAfterAFewAttempts() {
        ExpressionTables.create(CLUSTER.node(0), "R3", ROWS);
        String id = adapt("R3", "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}");
        ExpressionTables.sql(CLUSTER.node(0), "CREATE INDEX R3_USER ON R3 (AP_AB)");
        long version = plugin().adaptation().layouts().table("PUBLIC.R3").version();

        assertTrue(plugin().adaptation().rollbackAdaptation(id));
        Adaptation failed = awaitEnded(id, 30_000);
        assertEquals("FAILED", failed.step().name(), "reason: " + failed.reason());
        assertTrue(failed.reason().contains("R3_USER"), failed.reason());
        assertTrue(plugin().adaptation().layouts().table("PUBLIC.R3").version() <= version + 2,
            "the layout was not published again on every attempt");
        ExpressionTables.sql(CLUSTER.node(1), "UPDATE R3 SET A = A + 1 WHERE ID < 100");
        assertEquals(List.of(List.of(0L)), ExpressionTables.sql(CLUSTER.node(1), AutopilotPlugin.NO_REWRITE
            + " SELECT COUNT(*) FROM R3 WHERE AP_AB IS DISTINCT FROM A * B"), "AP_AB, still there, is still derived");
    }

    /** @return the id of a finished adaptation of {@code table} to the derived attributes given as JSON objects */
    static String adapt(String table, String attributes) {
        String id = plugin().adaptation().requestAdaptation("{\"partition_id\": \"" + table + "\", \"table\": \"PUBLIC." + table
            + "\", \"version\": 1, \"derived_attributes\": [" + attributes + "]}");
        Adaptation done = awaitFinished(plugin(), id);
        assertEquals(AdaptationStep.DONE, done.step(), "reason: " + done.reason());
        return id;
    }

    private static Adaptation awaitEnded(String id, long timeoutMillis) {
        TestCluster.await("adaptation " + id + " finished", () -> record(id).step().finished(), timeoutMillis);
        return record(id);
    }

    private static Adaptation record(String id) {
        return plugin().adaptation().adaptations().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> readyColumns(PartitionLayout layout) {
        return layout == null ? List.of() : layout.readyColumns().stream().map(DerivedColumn::name).toList();
    }

    private static AutopilotPlugin plugin() {
        return AutopilotPlugin.of(CLUSTER.node(0));
    }
}
