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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adaptation manager in {@link AdaptationMode#AUTO}: two tables get the same slow expression-filter workload;
 * the manager adapts the one that is not pinned by itself, keeps the adaptation because its queries got faster, and
 * leaves the pinned one alone.
 */
class AutoAdaptationTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 20_000;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0).setFillBatchSize(1000).setAdaptation(new AdaptationConfiguration()
                .setMode(AdaptationMode.AUTO).setLatencyThresholdMillis(2).setSlowWindows(2).setMinNetGain(1000)
                .setWatchWindows(1).setFillLatencyRatio(0).setFillNiceRatio(0)));
        for (String table : List.of("E", "P"))
            ExpressionTables.create(CLUSTER.node(0), table, ROWS);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void aSlowTableIsAdaptedByItselfAndAPinnedOneIsNot() throws Exception {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        plugin.adaptation().pin("PUBLIC.P", "owned by another team");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> readers = List.of(ExpressionTables.reader(CLUSTER.jdbcUrl(1), "E", running, failure), ExpressionTables.reader(CLUSTER.jdbcUrl(1), "P", running, failure));
        readers.forEach(Thread::start);
        try {
            long deadline = System.currentTimeMillis() + 150_000;
            Optional<Adaptation> e;
            do {
                Thread.sleep(250);
                e = adaptationOf(plugin, "PUBLIC.E");
            }
            while ((e.isEmpty() || !e.get().step().finished()) && System.currentTimeMillis() < deadline);
            running.set(false);
            for (Thread t : readers)
                t.join();
            if (failure.get() != null)
                throw new AssertionError("a reader failed", failure.get());

            Adaptation done = e.orElseThrow(() -> new AssertionError("E was not adapted: " + plugin.adaptation().adaptations()));
            System.out.println("automatic adaptation: " + done.step() + ", trigger: " + done.trigger() + ", "
                + done.measurement());
            assertEquals(AdaptationStep.DONE, done.step(), "reason: " + done.reason());
            assertTrue(done.trigger().startsWith("queries took"), done.trigger());
            assertTrue(done.measurement().latencyAfterMs() < done.measurement().latencyBeforeMs(),
                done.measurement().toString());
            assertTrue(plugin.adaptation().layouts().table("PUBLIC.E").readyColumns().size() > 0);
            assertTrue(adaptationOf(plugin, "PUBLIC.P").isEmpty(), "the pinned table was left alone");
            assertTrue(plugin.adaptation().pinned("PUBLIC.P"));
            assertEquals(List.of(List.of("owned by another team")),
                ExpressionTables.sql(CLUSTER.node(0),
                    "SELECT REASON FROM AUTOPILOT.ADAPTATION_PINS WHERE TABLE_NAME = 'PUBLIC.P'"));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> plugin.adaptation().requestAdaptation(done.profile().replace("PUBLIC.E", "PUBLIC.P")));
            assertTrue(refused.getMessage().contains("pinned"), refused.getMessage());
        }
        finally {
            running.set(false);
        }
    }

    private static Optional<Adaptation> adaptationOf(AutopilotPlugin plugin, String table) {
        return plugin.adaptation().adaptations().stream().filter(a -> a.table().equals(table)).findFirst();
    }
}
