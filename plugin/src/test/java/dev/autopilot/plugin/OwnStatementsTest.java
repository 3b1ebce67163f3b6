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
import java.util.Locale;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autopilot's own statements are not workload: the ALTER TABLE, CREATE INDEX and verification scan of an adaptation
 * run through Ignite's SQL engine like a user's, but a profile generated from a query log that held them would serve
 * Autopilot instead of the users (a churn run found them in {@code QUERY_TEMPLATES}).
 */
class OwnStatementsTest {
    private static final TestCluster CLUSTER = new TestCluster();

    private static AdaptationWorkload workload;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(3600).setStatisticsRefreshSeconds(0)
            .setFillBatchSize(100).setAdaptation(new AdaptationConfiguration().setWatchWindows(0)));
        workload = new AdaptationWorkload(CLUSTER.node(0), 500, CLUSTER.clientAddress(0));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (workload != null)
            workload.close();
        CLUSTER.close();
    }

    @Test
    void anAdaptationsDdlAndVerificationScanNeverEnterTheQueryLog() {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        Adaptation done = AdaptationManagerTest.awaitFinished(plugin,
            plugin.adaptation().requestAdaptation(AdaptationWorkload.PROFILE));
        assertEquals(AdaptationStep.DONE, done.step(), "reason: " + done.reason());

        CLUSTER.nodes().forEach(n -> AutopilotPlugin.of(n).flushQueryLog());
        List<String> own = CLUSTER.nodes().stream()
            .flatMap(n -> AutopilotPlugin.of(n).queryLog().templates().stream())
            .map(t -> t.shape().template())
            .filter(OwnStatementsTest::autopilots).toList();
        assertEquals(List.of(), own);
        List<List<?>> published = AdaptationWorkload.sql(CLUSTER.node(1), "SELECT TEMPLATE FROM AUTOPILOT.QUERY_TEMPLATES");
        assertTrue(published.stream().noneMatch(r -> autopilots((String)r.get(0))), published.toString());
        assertTrue(CLUSTER.nodes().stream().mapToLong(n -> AutopilotPlugin.of(n).node().capture().internalSkipped()).sum() > 0,
            "the statements were seen and skipped");
    }

    private static boolean autopilots(String template) {
        String t = template.toUpperCase(Locale.ROOT);
        return t.contains("ALTER TABLE") || t.contains("CREATE INDEX") || t.contains("IS DISTINCT FROM");
    }
}
