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
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.autopilot.plugin.AdaptationWorkload.PROFILE;
import static dev.autopilot.plugin.AdaptationWorkload.TABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Partition Adaptation Manager on a healthy cluster: an adaptation requested while writers run through SQL and
 * key-value puts reaches DONE with every row exact and no write lost, its fill paced by the default throttle; a
 * rollback afterwards restores the layout before it and drops what it added; a profile that leaves structures out
 * retires them; adding a column registers the rows' new binary schema before any write needs it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdaptationManagerTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 3000;

    private static AdaptationWorkload workload;
    private static String id;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0).setFillBatchSize(100)
            .setAdaptation(new AdaptationConfiguration().setWatchWindows(0)));
        workload = new AdaptationWorkload(CLUSTER.node(0), ROWS, CLUSTER.clientAddress(0), CLUSTER.clientAddress(1));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (workload != null)
            workload.close();
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void adaptationUnderConcurrentWritesReachesDoneWithEveryRowExactAndNoWriteLost() throws Exception {
        workload.start();
        TestCluster.await("writers running", () -> workload.writes() > 100);

        id = plugin(1).adaptation().requestAdaptation(PROFILE);
        assertThrows(IllegalStateException.class, () -> plugin(0).adaptation().requestAdaptation(PROFILE),
            "a second adaptation of the same table waits for the first");
        Adaptation done = awaitFinished(id);
        long atDone = workload.writes();
        TestCluster.await("writers ran after the cut-over", () -> workload.writes() > atDone + 100);
        workload.stop();

        assertEquals(AdaptationStep.DONE, done.step(), "reason: " + done.reason());
        assertEquals(Adaptation.COMPLETED, done.outcome());
        // A row a writer rewrites while the fill's scan passes it may be skipped: the writer derived its values.
        assertTrue(done.rowsFilled() >= ROWS * 9 / 10, "rows filled: " + done.rowsFilled());
        PartitionLayout layout = plugin(0).adaptation().layouts().table(TABLE);
        assertEquals(2, layout.derived().size());
        assertTrue(layout.derived().stream().allMatch(c -> c.state() == ColumnState.READY));
        assertEquals(1, layout.indexes().size());

        int wrong = AdaptationWorkload.wrongDerived(node(0));
        int lost = workload.lostRows(node(0));
        int wrongResults = AdaptationWorkload.wrongResults(node(1));
        System.out.println("adaptation: " + ROWS + " rows, " + wrong + " wrong derived values, " + lost
            + " lost, " + wrongResults + " wrong results; " + workload.writes() + " writes to "
            + workload.keysWritten() + " keys, " + workload.failedWrites() + " failed");
        assertEquals(0, wrong);
        assertEquals(0, lost);
        assertEquals(0, wrongResults);
        assertTrue(workload.keysWritten() > 100);

        List<List<?>> row = AdaptationWorkload.sql(node(0),
            "SELECT STEP, OUTCOME FROM AUTOPILOT.ADAPTATIONS WHERE ADAPTATION_ID = '" + id + '\'');
        assertEquals(List.of(List.of("DONE", Adaptation.COMPLETED)), row, "the record is readable from SQL");
    }

    @Test
    @Order(2)
    void rollbackRestoresTheLayoutBeforeAndDropsTheAddedColumnsAndIndex() {
        assertTrue(plugin(0).adaptation().rollbackAdaptation(id));
        Adaptation back = awaitFinished(id);

        assertEquals(AdaptationStep.ROLLED_BACK, back.step());
        assertEquals(Adaptation.ROLLED_BACK, back.outcome());
        assertEquals("rollback requested", back.reason());
        TestCluster.await("layout removed on every node", () -> CLUSTER.nodes().stream()
            .allMatch(n -> AutopilotPlugin.of(n).adaptation().layouts().table(TABLE) == null));
        assertNull(plugin(1).adaptation().layouts().table(TABLE));
        assertEquals(List.of(), AdaptationWorkload.derivedColumns(node(0)));
        assertEquals(List.of(), AdaptationWorkload.sql(node(0),
            "SELECT INDEX_NAME FROM SYS.INDEXES WHERE TABLE_NAME = 'T' AND INDEX_NAME LIKE 'AP_%'"));
        assertEquals(0, AdaptationWorkload.wrongResults(node(1)));
        assertEquals(0, workload.lostRows(node(1)));
        assertFalse(plugin(1).adaptation().rollbackAdaptation(id), "a rolled back adaptation is not rolled back twice");
    }

    @Test
    @Order(3)
    void rollbackDuringTheFillStopsItAndLeavesNothingBehind() {
        String again = plugin(0).adaptation().requestAdaptation(PROFILE);
        TestCluster.await("fill started", () -> plugin(0).adaptation().adaptations().stream()
            .anyMatch(a -> a.id().equals(again) && a.step().ordinal() >= AdaptationStep.FILLING.ordinal()));
        plugin(1).adaptation().rollbackAdaptation(again);
        Adaptation back = awaitFinished(again);

        assertEquals(AdaptationStep.ROLLED_BACK, back.step());
        assertNull(plugin(0).adaptation().layouts().table(TABLE));
        assertEquals(List.of(), AdaptationWorkload.derivedColumns(node(0)));
        assertEquals(0, workload.lostRows(node(0)));
    }

    @Test
    @Order(4)
    void aProfileThatLeavesStructuresOutRetiresThemAfterItsGracePeriodAndCannotBeRolledBackAfterwards()
        throws Exception {
        workload.start();
        TestCluster.await("writers running", () -> workload.writes() > 100);
        Adaptation first = awaitFinished(plugin(0).adaptation().requestAdaptation(PROFILE));
        String second = plugin(1).adaptation().requestAdaptation("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 2,
             "derived_attributes": [{"name": "AP_AB", "expression": "a * b"}]}
            """);
        Adaptation retired = awaitFinished(second);
        workload.stop();

        assertEquals(AdaptationStep.DONE, first.step(), "reason: " + first.reason());
        assertEquals(AdaptationStep.DONE, retired.step(), "reason: " + retired.reason());
        PartitionLayout layout = plugin(0).adaptation().layouts().table(TABLE);
        assertEquals(List.of("AP_AB"), layout.derived().stream().map(c -> c.name()).toList());
        assertTrue(layout.derived().get(0).ready());
        assertEquals(List.of(), layout.indexes(), "the index on the retired bucket went with it");
        assertEquals(List.of("AP_AB"), AdaptationWorkload.derivedColumns(node(0)), "AP_BUCKET dropped");
        assertEquals(0, workload.lostRows(node(0)));
        assertEquals(0, AdaptationWorkload.wrongResults(node(1)));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
            () -> plugin(0).adaptation().rollbackAdaptation(second));
        assertTrue(refused.getMessage().contains("dropped the structures it retired"), refused.getMessage());
    }

    @Test
    @Order(5)
    void addingColumnsTeachesIgniteTheRowsNewBinarySchemaBeforeAnyWriteDerivesIt() {
        LayoutSteps steps = plugin(0).node().adaptationSteps();
        TableSchema table = plugin(0).node().adaptations().userSchema(TABLE);
        PartitionLayout before = steps.current(table);
        LayoutPlan plan = steps.plan(ProfileCodec.read("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 3,
             "derived_attributes": [{"name": "AP_SHAPE", "expression": "c * 3"}]}
            """), before);
        String valueType = (String)AdaptationWorkload.sql(node(0),
            "SELECT VALUE_TYPE_NAME FROM SYS.TABLES WHERE SCHEMA_NAME = 'PUBLIC' AND TABLE_NAME = 'T'").get(0).get(0);
        assertFalse(node(1).binary().type(valueType).fieldNames().contains("AP_SHAPE"));
        try {
            steps.addColumns(table, plan);

            assertTrue(node(1).binary().type(valueType).fieldNames().contains("AP_SHAPE"),
                "a striped thread deriving a write would have to register it");
            assertEquals(List.of(List.of(0L)), AdaptationWorkload.sql(node(0),
                AutopilotPlugin.NO_REWRITE + " SELECT COUNT(*) FROM T WHERE AP_SHAPE IS NOT NULL"), "no row written");
        }
        finally {
            steps.takeBack(table, before, plan);
            steps.dropAdded(table, plan);
        }
    }

    static Adaptation awaitFinished(String id) {
        return awaitFinished(plugin(0), id);
    }

    /**
     * @return the adaptation once DONE or ROLLED_BACK, as {@code plugin} reads it; fails after 120 s (the throttle
     *     slows a fill down on a busy machine)
     */
    static Adaptation awaitFinished(AutopilotPlugin plugin, String id) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Adaptation a = plugin.adaptation().adaptations().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            if (a.step().finished())
                return a;
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Adaptation " + id + " did not finish in 120 s");
    }

    private static Ignite node(int i) {
        return CLUSTER.node(i);
    }

    private static AutopilotPlugin plugin(int i) {
        return AutopilotPlugin.of(CLUSTER.node(i));
    }
}
