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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import dev.autopilot.adaptation.apply.LayoutDrain;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationRunner;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.sql.layout.LayoutIndex;
import org.apache.ignite.Ignite;
import org.apache.ignite.services.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's way out of {@code PLANNED} when its plan drops a retired index before the fill, on a clock of the
 * test's: the manager's own runner is cancelled, and this test runs one by hand whose layout drain fails as often as
 * the test says and whose pauses between attempts only advance the clock. A drain that fails is tried again after a
 * pause, longer after each failure; one that keeps failing rolls the adaptation back, and the index is built again.
 */
class RunnerRetryTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 500;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(1, new AutopilotConfiguration().setStatisticsRefreshSeconds(0).setFillBatchSize(100)
            .setAdaptation(new AdaptationConfiguration().setWatchWindows(0).setFillLatencyRatio(0)
                .setFillNiceRatio(0)));
        TestCluster.await("the adaptation manager deployed", () -> managerDeployed(true), 60_000);
        node().services().cancel(AdaptationService.NAME);
        TestCluster.await("the adaptation manager cancelled", () -> managerDeployed(false), 60_000);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void aFailedDrainBeforeTheFillIsTriedAgainAfterLongerPausesAndThenMovesOn() {
        String table = "PUBLIC.U1";
        long replaced = indexOnlyAdaptationDone("U1");
        Time time = new Time();
        Drain drain = new Drain(2);
        String id = plugin().adaptation().requestAdaptation(replacing("U1"));

        runner(drain, time).runUnfinished();

        Adaptation done = record(id);
        assertEquals(AdaptationStep.DONE, done.step(), "reason: " + done.reason());
        assertEquals(List.of(500L, 1000L), time.pauses, "a pause after each failure, longer each time");
        assertEquals(time.now.get(), done.updatedAt(), "the record changed on the test's clock");
        String unlisted = table + " to version " + (replaced + 1);
        assertEquals(List.of(unlisted, unlisted, unlisted), drain.calls.subList(0, 3),
            "every attempt drains to the layout that no longer lists the retired index");
        assertEquals(List.of("AP_IDX_U1_AB"), plugin().adaptation().layouts().table(table).indexes().stream()
            .map(LayoutIndex::name).toList());
        assertEquals(List.of(), indexes("U1", "AP_IDX_U1_A"), "the retired index is dropped");
    }

    @Test
    void aDrainBeforeTheFillThatKeepsFailingRollsBackAndBuildsTheRetiredIndexAgain() {
        String table = "PUBLIC.U2";
        indexOnlyAdaptationDone("U2");
        Time time = new Time();
        Drain drain = new Drain(3);
        String id = plugin().adaptation().requestAdaptation(replacing("U2"));

        runner(drain, time).runUnfinished();

        Adaptation back = record(id);
        assertEquals(AdaptationStep.ROLLED_BACK, back.step(), "reason: " + back.reason());
        assertTrue(back.reason().startsWith("PLANNED: ") && back.reason().contains("has not received version"),
            back.reason());
        assertEquals(List.of(500L, 1000L), time.pauses, "no pause after the last attempt");
        assertEquals(List.of("AP_IDX_U2_A"), plugin().adaptation().layouts().table(table).indexes().stream()
            .map(LayoutIndex::name).toList(), "the retired index is listed again");
        assertEquals(1, indexes("U2", "AP_IDX_U2_A").size(), "and is in the table");
        assertEquals(List.of(), AdaptationWorkload.derivedColumns(node(), "U2"));
    }

    /** @return the layout version after an adaptation of {@code table} that only added an index on {@code A} */
    private static long indexOnlyAdaptationDone(String table) {
        ExpressionTables.create(node(), table, ROWS);
        String id = plugin().adaptation().requestAdaptation("{\"partition_id\": \"" + table + "\", \"table\": \"PUBLIC." + table
            + "\", \"version\": 1, \"indexes\": [{\"name\": \"AP_IDX_" + table + "_A\", \"columns\": [\"A\"]}]}");
        runner(new Drain(0), new Time()).runUnfinished();
        assertEquals(AdaptationStep.DONE, record(id).step(), "reason: " + record(id).reason());
        return plugin().adaptation().layouts().table("PUBLIC." + table).version();
    }

    /** @return a profile of {@code table} that fills a derived column and leaves the index on {@code A} out */
    private static String replacing(String table) {
        return "{\"partition_id\": \"" + table + "\", \"table\": \"PUBLIC." + table + "\", \"version\": 2, "
            + "\"derived_attributes\": [{\"name\": \"AP_AB\", \"expression\": \"a * b\"}], "
            + "\"indexes\": [{\"name\": \"AP_IDX_" + table + "_AB\", \"columns\": [\"AP_AB\"]}]}";
    }

    private static AdaptationRunner runner(Drain drain, Time time) {
        return plugin().node().adaptationRunner("test-runner", () -> false, plugin().node().adaptationSteps(drain), time.now::get,
            time::sleep);
    }

    private static List<List<?>> indexes(String table, String index) {
        return ExpressionTables.sql(node(), "SELECT INDEX_NAME FROM SYS.INDEXES WHERE TABLE_NAME = '" + table
            + "' AND INDEX_NAME = '" + index + "'");
    }

    private static boolean managerDeployed(boolean deployed) {
        for (ServiceDescriptor d : node().services().serviceDescriptors()) {
            if (d.name().equals(AdaptationService.NAME))
                return deployed;
        }
        return !deployed;
    }

    private static Adaptation record(String id) {
        return plugin().adaptations().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static Ignite node() {
        return CLUSTER.node(0);
    }

    private static AutopilotPlugin plugin() {
        return AutopilotPlugin.of(node());
    }

    /** The test's clock: a pause advances it by the time paused, at once. */
    private static final class Time {
        final AtomicLong now = new AtomicLong(System.currentTimeMillis());
        final List<Long> pauses = new CopyOnWriteArrayList<>();

        void sleep(long millis) {
            pauses.add(millis);
            now.addAndGet(millis);
        }
    }

    /** A drain that fails its first calls as a node that never got the layout would, then holds at once. */
    private static final class Drain implements LayoutDrain {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger failures;

        Drain(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override public void await(String table, long version) {
            calls.add(table + " to version " + version);
            if (failures.getAndDecrement() > 0)
                throw new IllegalStateException("Plans over the layout of " + table + " before version " + version
                    + " may still run: node n1 has not received version " + version + " of the layout of " + table);
        }
    }
}
