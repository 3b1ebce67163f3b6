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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user in charge, from SQL only: in {@link AdaptationMode#RECOMMEND} the manager records a recommendation for each
 * of two slow tables and changes nothing; the user rejects one and applies the other by inserting commands into
 * {@code AUTOPILOT.ADAPTATION_COMMANDS} over JDBC, then rolls the applied one back the same way.
 */
class AdaptationControlTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 20_000;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0).setFillBatchSize(1000).setAdaptation(new AdaptationConfiguration()
                .setMode(AdaptationMode.RECOMMEND).setLatencyThresholdMillis(2).setSlowWindows(2).setMinNetGain(1000)
                .setMinIntervalSeconds(0).setWatchWindows(0).setFillLatencyRatio(0).setFillNiceRatio(0)));
        for (String table : List.of("E", "F"))
            ExpressionTables.create(CLUSTER.node(0), table, ROWS);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void recommendationsAreRejectedAppliedAndRolledBackFromSql() throws Exception {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> readers = List.of(ExpressionTables.reader(CLUSTER.jdbcUrl(1), "E", running, failure), ExpressionTables.reader(CLUSTER.jdbcUrl(1), "F", running, failure));
        readers.forEach(Thread::start);
        try {
            Adaptation e = await(plugin, "PUBLIC.E", AdaptationStep.RECOMMENDED);
            Adaptation f = await(plugin, "PUBLIC.F", AdaptationStep.RECOMMENDED);
            assertNull(plugin.adaptation().layouts().table("PUBLIC.E"), "a recommendation changes nothing");
            assertNull(plugin.adaptation().layouts().table("PUBLIC.F"), "a recommendation changes nothing");

            command("c1", "REJECT", e.id(), "not before the release");
            command("c2", "APPLY", f.id(), null);
            assertEquals("done", awaitResult("c1"));
            assertEquals("done", awaitResult("c2"));
            Adaptation applied = await(plugin, "PUBLIC.F", AdaptationStep.DONE);
            assertTrue(applied.trigger().endsWith("applied by a user"), applied.trigger());
            assertTrue(plugin.adaptation().layouts().table("PUBLIC.F").readyColumns().size() > 0);
            Adaptation rejected = record(plugin, e.id());
            assertEquals(AdaptationStep.REJECTED, rejected.step());
            assertEquals("not before the release", rejected.reason());

            command("c3", "ROLLBACK", f.id(), null);
            assertEquals("done", awaitResult("c3"));
            assertEquals(AdaptationStep.ROLLED_BACK, await(plugin, "PUBLIC.F", AdaptationStep.ROLLED_BACK).step());
            assertNull(plugin.adaptation().layouts().table("PUBLIC.F"));

            command("c4", "FROB", f.id(), null);
            assertTrue(awaitResult("c4").startsWith("error: unknown command FROB"));
            command("c5", "APPLY", e.id(), null);
            assertTrue(awaitResult("c5").contains("not a pending recommendation"));
            assertEquals(1, plugin.adaptation().adaptations().stream().filter(a -> a.table().equals("PUBLIC.E")).count(),
                "a rejected change is not recommended again");
            assertNull(plugin.adaptation().layouts().table("PUBLIC.E"));
        }
        finally {
            running.set(false);
            for (Thread t : readers)
                t.join();
        }
        if (failure.get() != null)
            throw new AssertionError("a reader failed", failure.get());
    }

    /** @return the newest adaptation of {@code table} once it is at {@code step}; fails after 150 s */
    private static Adaptation await(AutopilotPlugin plugin, String table, AdaptationStep step) {
        AtomicReference<Adaptation> found = new AtomicReference<>();
        TestCluster.await(table + " at " + step, () -> {
            Optional<Adaptation> a = plugin.adaptation().adaptations().stream().filter(x -> x.table().equals(table))
                .reduce((first, second) -> second);
            a.ifPresent(found::set);
            return a.isPresent() && a.get().step() == step;
        }, 150_000);
        return found.get();
    }

    private static Adaptation record(AutopilotPlugin plugin, String id) {
        return plugin.adaptation().adaptations().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static void command(String id, String command, String adaptation, String reason) throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1));
             PreparedStatement ps = c.prepareStatement("INSERT INTO AUTOPILOT.ADAPTATION_COMMANDS "
                 + "(COMMAND_ID, COMMAND, ADAPTATION_ID, REASON) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, command);
            ps.setString(3, adaptation);
            ps.setString(4, reason);
            ps.executeUpdate();
        }
    }

    private static String awaitResult(String command) throws SQLException {
        String sql = "SELECT RESULT FROM AUTOPILOT.ADAPTATION_COMMANDS WHERE COMMAND_ID = '" + command + '\'';
        long deadline = System.currentTimeMillis() + 30_000;
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0)); Statement s = c.createStatement()) {
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    if (rs.next() && rs.getString(1) != null)
                        return rs.getString(1);
                }
                Thread.sleep(100);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("command " + command + " has no result after 30 s");
    }
}
