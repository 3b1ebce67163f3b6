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

package dev.autopilot.assembly;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import dev.autopilot.examples.cluster.Await;
import dev.autopilot.examples.cluster.IgniteHome;
import dev.autopilot.examples.cluster.ProcessCluster;
import dev.autopilot.examples.faults.CheckedWrites;
import dev.autopilot.examples.faults.FaultTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The binary package end to end (issue 24): Ignite 2.17.0's distribution laid out from Maven's jars, the package
 * installed as the README says, three server nodes started as separate JVMs from the shipped Spring XML the way
 * {@code ignite.sh} starts them (on free ports, AUTO mode, five-second windows and no latency throttle on the fill, which
 * other processes on a shared CI machine would trip, all through the XML's properties; with two-second windows the few
 * slow statements of a window on a busy machine made the profile flip, and the manager took back three adaptations
 * in a row). A JDBC
 * thin workload runs until the manager adapts the table by itself; one node is killed with SIGKILL during the fill and
 * started again; the adaptation completes or rolls back, no acknowledged write is lost, and in the end the query log,
 * the layout and a rewritten plan show over JDBC. Every process started is gone afterwards, also when the test fails.
 */
@Tag("processes")
class DistributionIT {
    private static final int ROWS = 10_000;

    /** Statements whose filters are expressions: what the manager adapts the table for. */
    private static final List<String> READS = List.of(
        "SELECT ID, S FROM T WHERE FLOOR(C / 10) = ? AND S = 's1'",
        "SELECT COUNT(*) FROM T WHERE A * B BETWEEN ? AND ? + 2000");

    private static final Duration ADAPT_TIMEOUT = Duration.ofMinutes(4);

    private static ProcessCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        IgniteHome home = TestHomes.install("distribution");
        System.out.println("Distribution jars not at hand (not needed by a node): " + home.missing());
        cluster = ProcessCluster.start(home, home.config("autopilot-server.xml"), 3,
            Map.of("autopilot.adaptation.mode", "AUTO", "autopilot.windowSeconds", "5",
                "autopilot.adaptation.latencyThresholdMillis", "2", "autopilot.adaptation.minIntervalSeconds", "0",
                "autopilot.adaptation.fillLatencyRatio", "0"),
            TestHomes.runDir("distribution-logs"), "512m");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
            TestHomes.assertNoneLeft(cluster.started());
        }
    }

    @Test
    void autoAdaptsOverJdbcAndSurvivesAKillDuringTheFill() throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl())) {
            FaultTable.create(c, ROWS);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        Thread reader = reader(stop, reads);
        List<Executable> checks = new ArrayList<>();
        try (CheckedWrites writes = CheckedWrites.start(cluster, ROWS, 2000)) {
            reader.start();
            String id = awaitAdaptationAt("FILLING");
            writes.nodeDown();
            cluster.kill(1);
            System.out.println("Killed node 1 while adaptation " + id + " filled");
            cluster.start(1);
            cluster.awaitRebalanced();
            writes.settled();
            String end = awaitEnd(id);
            System.out.println("Adaptation " + id + " after the kill: " + end);
            awaitAdaptationAt("DONE");

            stop.set(true);
            reader.join();
            writes.finish();
            System.out.println(writes.summary() + "; " + reads.get() + " reads");
            long acked = writes.acked();
            int lost = writes.lostRows();
            int wrongValues = writes.wrongValues();
            long wrongResults = writes.wrongResults();
            checks.add(() -> assertTrue(acked > 0, "no write acknowledged"));
            checks.add(() -> assertEquals(0, lost, "acknowledged writes lost"));
            checks.add(() -> assertEquals(0, wrongValues, "wrong values"));
            checks.add(() -> assertEquals(0, wrongResults, "wrong results"));
        }
        finally {
            stop.set(true);
            reader.join();
        }
        // Each check on its own, so that one failing does not hide what the others found.
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl())) {
            checks.add(() -> assertQueryLog(c));
            checks.add(() -> assertLayout(c));
            checks.add(() -> assertRewrittenPlan(c));
            assertAll(checks);
        }
    }

    /** The statements run are in the query log, as templates with executions counted per window. */
    private static void assertQueryLog(Connection c) throws SQLException {
        List<String> templates = column(c, "SELECT TEMPLATE FROM AUTOPILOT.QUERY_TEMPLATES");
        assertTrue(templates.stream().anyMatch(t -> t.contains("FLOOR") && t.contains("T")),
            "no template of the FLOOR(C / 10) read in " + templates);
        List<String> executions = column(c, "SELECT SUM(s.EXECUTIONS) FROM AUTOPILOT.TEMPLATE_STATS s "
            + "JOIN AUTOPILOT.QUERY_TEMPLATES t ON s.TEMPLATE_ID = t.TEMPLATE_ID WHERE t.TEMPLATE LIKE '%FLOOR%'");
        assertTrue(Long.parseLong(executions.get(0)) > 0, "no executions counted: " + executions);
    }

    /** The layout the manager published has derived columns that every row holds. */
    private static void assertLayout(Connection c) throws SQLException {
        List<String> layout = column(c, "SELECT DERIVED_COLUMNS || ' | ' || INDEXES || ' | ' || REWRITABLE "
            + "FROM AUTOPILOT.PARTITION_LAYOUTS WHERE TABLE_NAME = 'T'");
        System.out.println("Layout of T: " + layout);
        assertEquals(1, layout.size(), "no layout of T");
        assertTrue(layout.get(0).contains("AP_") && layout.get(0).contains("(READY)")
            && layout.get(0).endsWith("true"), layout.get(0));
    }

    /** A read planned over JDBC now uses what the manager added. */
    private static void assertRewrittenPlan(Connection c) throws SQLException {
        List<String> plans = new ArrayList<>();
        for (String q : List.of("SELECT ID, S FROM T WHERE FLOOR(C / 10) = 3 AND S = 's1'",
            "SELECT COUNT(*) FROM T WHERE A * B BETWEEN 10 AND 2010"))
            plans.addAll(column(c, "EXPLAIN PLAN FOR " + q));
        System.out.println("Plans: " + plans);
        assertTrue(plans.stream().anyMatch(p -> p.contains("AP_")), "no plan uses a derived column: " + plans);
    }

    /** @return the id of the first adaptation of T seen at {@code step} */
    private static String awaitAdaptationAt(String step) {
        String[] id = {null};
        Await.until("an adaptation of T at " + step, ADAPT_TIMEOUT, () -> {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl())) {
                List<String> ids = column(c, "SELECT ADAPTATION_ID FROM AUTOPILOT.ADAPTATIONS WHERE TABLE_NAME = "
                    + "'PUBLIC.T' AND STEP = '" + step + "'");
                id[0] = ids.isEmpty() ? null : ids.get(0);
                return id[0] != null;
            }
        });
        return id[0];
    }

    /** @return the step adaptation {@code id} ended at, DONE or ROLLED_BACK */
    private static String awaitEnd(String id) {
        String[] step = {null};
        Await.until("adaptation " + id + " to end", ADAPT_TIMEOUT, () -> {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl())) {
                step[0] = column(c, "SELECT STEP FROM AUTOPILOT.ADAPTATIONS WHERE ADAPTATION_ID = '" + id + "'").get(0);
                return step[0].equals("DONE") || step[0].equals("ROLLED_BACK");
            }
        });
        return step[0];
    }

    /** A JDBC reader of {@link #READS} with random arguments; a failed read (a node died) opens a new connection. */
    private static Thread reader(AtomicBoolean stop, AtomicLong reads) {
        Thread t = new Thread(() -> {
            while (!stop.get()) {
                try (Connection c = DriverManager.getConnection(cluster.jdbcUrl())) {
                    while (!stop.get()) {
                        for (String q : READS) {
                            try (PreparedStatement ps = c.prepareStatement(q)) {
                                int arg = ThreadLocalRandom.current().nextInt(-15, 15);
                                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++)
                                    ps.setInt(i, q.contains("BETWEEN") ? arg * 1000 : arg);
                                try (ResultSet rs = ps.executeQuery()) {
                                    while (rs.next())
                                        reads.incrementAndGet();
                                }
                            }
                        }
                    }
                }
                catch (SQLException e) {
                    // The node behind the connection died; the next connection goes to one that lives.
                }
            }
        }, "jdbc-reader");
        t.setDaemon(true);
        return t;
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next())
                out.add(rs.getString(1));
        }
        return out;
    }
}
