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
import java.util.stream.IntStream;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drift while an adaptation is on its way: the workload moves from {@code A * B} to {@code A + B} while the
 * manager still fills the column for {@code A * B} (a fill slowed on purpose: it pauses four times as long as it works). The manager takes that adaptation back
 * and adapts the table to the new workload, whose queries then return what they returned before.
 */
class SupersedeTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 10_000;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0).setFillBatchSize(100).setAdaptationThreads(1)
            .setAdaptation(new AdaptationConfiguration().setMode(AdaptationMode.AUTO).setLatencyThresholdMillis(2)
                .setSlowWindows(1).setMinNetGain(1000).setMinIntervalSeconds(0).setWatchWindows(0)
                .setFillLatencyRatio(0).setFillNiceRatio(4)));
        ExpressionTables.create(CLUSTER.node(0), "S", ROWS);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void anAdaptationForTemplatesThatStoppedRunningIsTakenBackForTheNewOnes() throws Exception {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        long expected = IntStream.range(0, ROWS).filter(id -> id % 97 + id % 89 == 60).count();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        AtomicBoolean product = new AtomicBoolean(true);
        Thread first = ExpressionTables.reader(CLUSTER.jdbcUrl(1), "S", "A * B", product, failure);
        first.start();
        TestCluster.await("the manager fills a column for A * B", () -> adaptation(plugin, 0)
            .filter(a -> a.step() == AdaptationStep.FILLING).isPresent(), 60_000);
        product.set(false);
        first.join();

        AtomicBoolean sum = new AtomicBoolean(true);
        Thread second = ExpressionTables.reader(CLUSTER.jdbcUrl(1), "S", "A + B", sum, failure);
        second.start();
        try {
            TestCluster.await("the manager adapts S to A + B", () -> adaptation(plugin, 1)
                .filter(a -> a.step() == AdaptationStep.DONE).isPresent(), 120_000);
        }
        catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; adaptations: " + plugin.adaptation().adaptations().stream()
                .map(a -> a.step() + " (" + a.reason() + ")").toList(), e);
        }
        finally {
            sum.set(false);
            second.join();
        }
        if (failure.get() != null)
            throw new AssertionError("a reader failed", failure.get());

        Adaptation takenBack = adaptation(plugin, 0).orElseThrow();
        assertEquals(AdaptationStep.ROLLED_BACK, takenBack.step());
        assertTrue(takenBack.reason().startsWith(Adaptation.SUPERSEDED), takenBack.reason());
        assertTrue(adaptation(plugin, 1).orElseThrow().profile().contains("A + B"), "the second one serves A + B");
        assertEquals(List.of(List.of(expected)),
            ExpressionTables.sql(CLUSTER.node(1), "SELECT COUNT(*) FROM S WHERE A + B = 60"));
    }

    private static Optional<Adaptation> adaptation(AutopilotPlugin plugin, int n) {
        List<Adaptation> of = plugin.adaptation().adaptations().stream().filter(a -> a.table().equals("PUBLIC.S")).toList();
        return of.size() > n ? Optional.of(of.get(n)) : Optional.empty();
    }
}
