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
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.autopilot.plugin.AdaptationManagerTest.awaitFinished;
import static dev.autopilot.plugin.AdaptationWorkload.PROFILE;
import static dev.autopilot.plugin.AdaptationWorkload.TABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An adaptation that fills and retires a derived column drops the indexes it retires (here the one on that column)
 * before its fill, so the fill does not keep them current; a rollback during the fill builds it again. The fill is slowed on purpose (it pauses eight
 * times as long as it works) so that the rollback lands before the cut-over.
 */
class RetireBeforeFillTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 3000;

    private static AdaptationWorkload workload;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0).setFillBatchSize(50)
            .setAdaptationThreads(1).setAdaptation(new AdaptationConfiguration().setWatchWindows(0)
                .setFillLatencyRatio(0).setFillNiceRatio(8)));
        workload = new AdaptationWorkload(CLUSTER.node(0), ROWS, CLUSTER.clientAddress(0), CLUSTER.clientAddress(1));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (workload != null)
            workload.close();
        CLUSTER.close();
    }

    @Test
    void anIndexOnARetiredColumnIsDroppedBeforeTheFillAndBuiltAgainByARollback() throws Exception {
        awaitFinished(plugin(0), plugin(0).adaptation().requestAdaptation(PROFILE));
        assertEquals(1, autopilotIndexes().size());
        workload.start();
        TestCluster.await("writers running", () -> workload.writes() > 100);

        String replacing = plugin(1).adaptation().requestAdaptation("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 2,
             "derived_attributes": [{"name": "AP_AB", "expression": "a * b"}, {"name": "AP_C2", "expression": "c * 2"}]}
            """);
        TestCluster.await("fill started", () -> plugin(0).adaptation().adaptations().stream()
            .anyMatch(a -> a.id().equals(replacing) && a.step() == AdaptationStep.FILLING), 30_000);
        assertEquals(List.of(), autopilotIndexes(), "the index on AP_BUCKET is gone before the fill");
        assertEquals(List.of(), plugin(0).adaptation().layouts().table(TABLE).indexes());
        assertEquals(0, workload.quiet(() -> AdaptationWorkload.wrongResults(node(1))),
            "AP_BUCKET is still written and read");

        plugin(0).adaptation().rollbackAdaptation(replacing);
        Adaptation back = awaitFinished(plugin(0), replacing);
        workload.stop();

        assertEquals(AdaptationStep.ROLLED_BACK, back.step(), "reason: " + back.reason());
        assertEquals(1, autopilotIndexes().size(), "built again");
        assertEquals(1, plugin(1).adaptation().layouts().table(TABLE).indexes().size());
        assertEquals(2, AdaptationWorkload.derivedColumns(node(0)).size(), "AP_C2 dropped, AP_AB and AP_BUCKET kept");
        assertEquals(0, AdaptationWorkload.wrongDerived(node(0)));
        assertEquals(0, AdaptationWorkload.wrongResults(node(1)));
        assertEquals(0, workload.lostRows(node(0)));
    }

    private static List<List<?>> autopilotIndexes() {
        return AdaptationWorkload.sql(node(0), "SELECT DISTINCT INDEX_NAME FROM SYS.INDEXES WHERE TABLE_NAME = 'T' "
            + "AND INDEX_NAME LIKE 'AP_IDX_%' AND INDEX_NAME NOT LIKE '%_proxy'");
    }

    private static Ignite node(int i) {
        return CLUSTER.node(i);
    }

    private static AutopilotPlugin plugin(int i) {
        return AutopilotPlugin.of(CLUSTER.node(i));
    }
}
