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

package dev.autopilot.examples.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.examples.workload.TpchLoader;
import dev.autopilot.examples.workload.TpchSchema;
import dev.autopilot.plugin.AdaptationMode;
import dev.autopilot.plugin.AutopilotConfiguration;
import dev.autopilot.plugin.AutopilotPlugin;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.query.calcite.CalciteQueryProcessor;
import org.apache.ignite.internal.processors.query.running.RunningQueryManager;
import org.apache.ignite.logger.log4j2.Log4J2Logger;
import org.apache.ignite.spi.systemview.view.SqlQueryHistoryView;
import org.apache.ignite.spi.systemview.view.SystemView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster's ordinary life logs no ERROR: a node configured from {@code config/autopilot-server.xml} starts, two more
 * join while Autopilot runs its own SQL (the statistics and forecast refresh, the manager's look at each window),
 * an adaptation runs to its end while a client queries, and the cluster stops. An ERROR in a
 * healthy cluster's log sends operators looking for a fault that is not there.
 */
class CleanLogIntegrationTest {
    private static final Path CONFIG = Path.of("..", "config", "autopilot-server.xml");

    private static final String PROFILE = """
        {"partition_id": "LINEITEM", "table": "PUBLIC.LINEITEM", "version": 1,
         "derived_attributes": [{"name": "AP_TEST_REVENUE", "expression": "L_EXTENDEDPRICE * L_DISCOUNT"}],
         "indexes": [{"name": "AP_TEST_IDX_REVENUE", "columns": ["AP_TEST_REVENUE"]}]}
        """;

    private static final String QUERY = "SELECT COUNT(*) FROM LINEITEM WHERE L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ? AND ?";

    private static final long ADAPTATION_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(3);

    /**
     * Calcite's planner gives up after 15 s by default and logs the query at ERROR ({@code CannotPlanException});
     * on a shared 2-core machine running several builds, planning a first query took longer than that. Slowness is
     * not what this test checks.
     */
    private static final String PLANNER_TIMEOUT_MILLIS = "300000";

    @BeforeAll
    static void patientPlanner() {
        System.setProperty(CalciteQueryProcessor.IGNITE_CALCITE_PLANNER_TIMEOUT, PLANNER_TIMEOUT_MILLIS);
    }

    @AfterAll
    static void defaultPlanner() {
        System.clearProperty(CalciteQueryProcessor.IGNITE_CALCITE_PLANNER_TIMEOUT);
    }

    /** What the test is doing now, for the errors it records. */
    private volatile String phase = "starting the first node";

    /** The statements that failed on each node (Ignite's query history), to tell what an error came from. */
    private List<String> failedBeforeStop = List.of();

    @Test
    void startJoinAdaptationAndStopLogNoError() throws Exception {
        ErrorRecordingLogger log = new ErrorRecordingLogger(new Log4J2Logger(), () -> phase);
        int base = 21_000 + ThreadLocalRandom.current().nextInt(100) * 100;
        try (EmbeddedCluster cluster = EmbeddedCluster.start(CONFIG, 1, base, true,
            CleanLogIntegrationTest::busyAutopilot, cfg -> cfg.setGridLogger(log))) {
            phase = "loading";
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0))) {
                TpchSchema.create(c);
            }
            TpchLoader.builder(cluster.jdbcUrl(0)).scaleFactor(0.002).threads(1).build().load();
            awaitStatistics(cluster.jdbcUrl(0));

            phase = "joining";
            cluster.startNode();
            cluster.startNode();
            OrderlyShutdown.awaitSettled(cluster.nodes());

            phase = "adapting";
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicLong reads = new AtomicLong();
            AtomicReference<SQLException> readFailure = new AtomicReference<>();
            Thread reader = new Thread(() -> read(cluster.jdbcUrl(0), reading, reads, readFailure),
                "clean-log-reader");
            reader.start();
            try {
                Adaptation done = adapt(AutopilotPlugin.of(cluster.nodes().get(0)));
                assertEquals(Adaptation.COMPLETED, done.outcome(), () -> "adaptation ended " + done.outcome() + ": "
                    + done.reason());
            }
            finally {
                reading.set(false);
                reader.join();
            }
            assertNull(readFailure.get(), "a client query failed during the adaptation");
            assertTrue(reads.get() > 0, "the reader ran no query");
            failedBeforeStop = failedStatements(cluster.nodes());
            phase = "stopping";
        }
        assertEquals(List.of(), log.errors(), () -> "errors logged during start, join, adaptation and stop; "
            + "statements failed before the stop: " + failedBeforeStop);
    }

    /** @return the statements each node's query history counts failures of, with the node and the count */
    private static List<String> failedStatements(List<Ignite> nodes) {
        List<String> out = new ArrayList<>();
        for (Ignite n : nodes) {
            SystemView<SqlQueryHistoryView> history = ((IgniteEx)n).context().systemView()
                .view(RunningQueryManager.SQL_QRY_HIST_VIEW);
            for (SqlQueryHistoryView h : history) {
                if (h.failures() > 0)
                    out.add(n.name() + ": " + h.failures() + " of " + h.executions() + " failed: " + h.sql());
            }
        }
        return out;
    }

    /** Waits until Autopilot's statistics service has run its SQL once: from then on it runs without a pause. */
    private static void awaitStatistics(String jdbcUrl) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + ADAPTATION_TIMEOUT_MILLIS;
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM AUTOPILOT.TABLE_STATS")) {
                    rs.next();
                    if (rs.getLong(1) > 0)
                        return;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        throw new AssertionError("Autopilot wrote no table statistics in " + ADAPTATION_TIMEOUT_MILLIS + " ms");
    }

    /**
     * The XML's settings, with the statistics service running its SQL every second and the manager judging every 5 s
     * window, so that the joins meet Autopilot's own SQL; the latency threshold is out of reach so that the only
     * adaptation is the test's own.
     */
    private static void busyAutopilot(AutopilotConfiguration cfg) {
        cfg.setWindowSeconds(5).setStatisticsRefreshSeconds(1);
        cfg.getAdaptation().setMode(AdaptationMode.AUTO).setSlowWindows(1).setMinIntervalSeconds(0)
            .setWatchWindows(0).setLatencyThresholdMillis(1_000_000);
    }

    /** Requests the adaptation of {@link #PROFILE} and waits until it is finished. */
    private static Adaptation adapt(AutopilotPlugin plugin) throws InterruptedException {
        String id = plugin.adaptation().requestAdaptation(PROFILE);
        long deadline = System.currentTimeMillis() + ADAPTATION_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Adaptation a = plugin.adaptation().adaptations().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            if (a.step().finished())
                return a;
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("adaptation " + id + " did not finish in " + ADAPTATION_TIMEOUT_MILLIS + " ms");
    }

    /**
     * Queries through node 0 until {@code reading} is cleared or a query fails: the clients an adaptation meets.
     */
    private static void read(String jdbcUrl, AtomicBoolean reading, AtomicLong reads,
        AtomicReference<SQLException> failure) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement ps = c.prepareStatement(QUERY)) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (reading.get()) {
                double low = random.nextInt(5000);
                ps.setDouble(1, low);
                ps.setDouble(2, low + 100);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                reads.incrementAndGet();
            }
        }
        catch (SQLException e) {
            failure.set(e);
        }
    }
}
