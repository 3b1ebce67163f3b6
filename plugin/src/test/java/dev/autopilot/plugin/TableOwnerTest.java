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
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static dev.autopilot.plugin.AdaptationManagerTest.awaitFinished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One writer per table layout: while the manager adapts a table, the synchronous entry points refuse it, naming the
 * adaptation; a step that fails after the structures of the table began to be dropped ends recorded as failed rather
 * than rolled back; a supersede no longer takes back an adaptation that cut over meanwhile; a TRANSACTIONAL table is
 * refused up front, naming its cache.
 */
class TableOwnerTest {
    private static final TestCluster CLUSTER = new TestCluster();

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0).setFillBatchSize(50)
            .setAdaptationThreads(1).setAdaptation(new AdaptationConfiguration().setWatchWindows(0)
                .setFillLatencyRatio(0).setFillNiceRatio(8)));
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void theSynchronousEntryPointsRefuseATableTheManagerIsAdapting() {
        ExpressionTables.create(CLUSTER.node(0), "O1", 10_000);
        String id = plugin().adaptation().requestAdaptation(profile("O1", "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}"));
        TestCluster.await("the fill runs", () -> record(id).step() == AdaptationStep.FILLING, 30_000);

        refused(id, () -> plugin().adaptation().applyProfile(profile("O1", "{\"name\": \"AP_APB\", \"expression\": \"a + b\"}")));
        refused(id, () -> plugin().adaptation().removeStructures("PUBLIC.O1"));
        refused(id, () -> plugin().adaptation().repairDerivedColumns("PUBLIC.O1"));
        assertTrue(AdaptationWorkload.derivedColumns(CLUSTER.node(0), "O1").contains("AP_AB"));

        plugin().adaptation().rollbackAdaptation(id);
        assertEquals(AdaptationStep.ROLLED_BACK, awaitFinished(plugin(), id).step());
        plugin().adaptation().removeStructures("PUBLIC.O1");
    }

    @Test
    void aSupersedeDecidedBeforeTheCutOverDoesNotTakeBackAnAdaptationThatCutOver() {
        ExpressionTables.create(CLUSTER.node(0), "O2", 500);
        String id = plugin().adaptation().requestAdaptation(profile("O2", "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}"));
        assertEquals(AdaptationStep.DONE, awaitFinished(plugin(), id).step());

        plugin().supersedeAdaptation(id, "the profile of an old window wants none of it");

        assertEquals(AdaptationStep.DONE, record(id).step());
    }

    @Test
    void aFailureWhileRetiringEndsFailedWithTheCutOverKept() {
        ExpressionTables.create(CLUSTER.node(0), "O3", 500);
        String first = plugin().adaptation().requestAdaptation(profile("O3", "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}, "
            + "{\"name\": \"AP_APB\", \"expression\": \"a + b\"}"));
        assertEquals(AdaptationStep.DONE, awaitFinished(plugin(), first).step());
        ExpressionTables.sql(CLUSTER.node(0), "CREATE INDEX O3_USER ON O3 (AP_APB)");

        String retiring = plugin().adaptation().requestAdaptation(profile("O3",
            "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}"));
        Adaptation a = awaitFinished(plugin(), retiring);

        assertEquals("FAILED", a.step().name(), "reason: " + a.reason());
        assertTrue(a.reason().contains("O3_USER"), a.reason());
        assertEquals(AdaptationStep.DONE, record(first).step());
        assertTrue(plugin().adaptation().layouts().table("PUBLIC.O3").derived().stream()
            .anyMatch(c -> c.name().equals("AP_AB") && c.ready()), "the cut-over stands");
    }

    @Test
    void aTransactionalTableIsRefusedUpFrontNamingItsCache() {
        ExpressionTables.sql(CLUSTER.node(0), "CREATE TABLE O4 (ID INT PRIMARY KEY, A INT, B INT, V BIGINT) WITH "
            + "\"ATOMICITY=TRANSACTIONAL,CACHE_NAME=O4_TX\"");
        String profile = profile("O4", "{\"name\": \"AP_AB\", \"expression\": \"a * b\"}");

        RuntimeException applied = assertThrows(RuntimeException.class, () -> plugin().adaptation().applyProfile(profile));
        assertTrue(applied.getMessage().contains("O4_TX"), applied.getMessage());
        RuntimeException requested = assertThrows(RuntimeException.class, () -> plugin().adaptation().requestAdaptation(profile));
        assertTrue(requested.getMessage().contains("O4_TX"), requested.getMessage());
        assertEquals(List.of(), AdaptationWorkload.derivedColumns(CLUSTER.node(0), "O4"));
        assertFalse(plugin().managedTableNames().contains("PUBLIC.O4"), "the manager leaves it alone");
    }

    private static void refused(String id, Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertTrue(e.getMessage().contains("adaptation " + id), e.getMessage());
    }

    private static String profile(String table, String attributes) {
        return "{\"partition_id\": \"" + table + "\", \"table\": \"PUBLIC." + table + "\", \"version\": 1, "
            + "\"derived_attributes\": [" + attributes + "]}";
    }

    private static Adaptation record(String id) {
        return plugin().adaptation().adaptations().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static AutopilotPlugin plugin() {
        return AutopilotPlugin.of(CLUSTER.node(0));
    }
}
