package dev.autopilot.plugin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import org.apache.ignite.cache.query.SqlFieldsQuery;
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
                .setWatchWindows(1)));
        for (String table : List.of("E", "P")) {
            sql("CREATE TABLE " + table + " (ID INT PRIMARY KEY, A INT, B INT, V BIGINT)");
            for (int from = 0; from < ROWS; from += 1000) {
                StringBuilder values = new StringBuilder();
                for (int id = from; id < from + 1000; id++) {
                    values.append(id == from ? "" : ", ").append('(').append(id).append(", ").append(id % 97)
                        .append(", ").append(id % 89).append(", ").append(id).append(')');
                }
                sql("INSERT INTO " + table + " (ID, A, B, V) VALUES " + values);
            }
        }
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void aSlowTableIsAdaptedByItselfAndAPinnedOneIsNot() throws Exception {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        plugin.pin("PUBLIC.P", "owned by another team");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> readers = List.of(reader("E", running, failure), reader("P", running, failure));
        readers.forEach(Thread::start);
        try {
            long deadline = System.currentTimeMillis() + 90_000;
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

            Adaptation done = e.orElseThrow(() -> new AssertionError("E was not adapted: " + plugin.adaptations()));
            System.out.println("automatic adaptation: " + done.step() + ", trigger: " + done.trigger() + ", "
                + done.measurement());
            assertEquals(AdaptationStep.DONE, done.step(), "reason: " + done.reason());
            assertTrue(done.trigger().startsWith("queries took"), done.trigger());
            assertTrue(done.measurement().latencyAfterMs() < done.measurement().latencyBeforeMs(),
                done.measurement().toString());
            assertTrue(plugin.layouts().table("PUBLIC.E").readyColumns().size() > 0);
            assertTrue(adaptationOf(plugin, "PUBLIC.P").isEmpty(), "the pinned table was left alone");
            assertTrue(plugin.pinned("PUBLIC.P"));
            assertEquals(List.of(List.of("owned by another team")),
                sql("SELECT REASON FROM AUTOPILOT.ADAPTATION_PINS WHERE TABLE_NAME = 'PUBLIC.P'"));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> plugin.requestAdaptation(done.profile().replace("PUBLIC.E", "PUBLIC.P")));
            assertTrue(refused.getMessage().contains("pinned"), refused.getMessage());
        }
        finally {
            running.set(false);
        }
    }

    private static Optional<Adaptation> adaptationOf(AutopilotPlugin plugin, String table) {
        return plugin.adaptations().stream().filter(a -> a.table().equals(table)).findFirst();
    }

    /** @return a thread that counts rows by an expression over JDBC while {@code running} */
    private static Thread reader(String table, AtomicBoolean running, AtomicReference<Throwable> failure) {
        return new Thread(() -> {
            try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1));
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE A * B = ?")) {
                for (int i = 0; running.get(); i++) {
                    ps.setInt(1, (i % 50) * 6);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                }
            }
            catch (SQLException | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }, "reader-" + table);
    }

    private static List<List<?>> sql(String sql) {
        return CLUSTER.node(0).cache("autopilot_table_access").query(new SqlFieldsQuery(sql).setSchema("PUBLIC"))
            .getAll();
    }
}
