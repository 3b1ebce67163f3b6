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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.manage.Measurement;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adaptation manager compares the latency of a table's statements before an adaptation and after its cut-over,
 * and takes back one that made them slower. The bad adaptation here is the classic one: an index on a derived bucket
 * that every row shares. Once the rewriter turns {@code FLOOR(D / 100000) = 0} into an equality on the indexed
 * bucket, Ignite's planner prefers that index to the primary-key range beside it, and reads the whole table for ten
 * rows. A good adaptation of the same table is kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LatencyRollbackTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 50_000;

    private static final String BAD_PROFILE = """
        {"partition_id": "R", "table": "PUBLIC.R", "version": 1,
         "derived_attributes": [{"name": "AP_HUGE_BUCKET", "expression": "FLOOR(d / 100000)"}],
         "composite_index": ["AP_HUGE_BUCKET", "V"]}
        """;

    private static final String GOOD_PROFILE = """
        {"partition_id": "R", "table": "PUBLIC.R", "version": 2,
         "derived_attributes": [{"name": "AP_SMALL_BUCKET", "expression": "FLOOR(d / 10)"}],
         "composite_index": ["AP_SMALL_BUCKET"]}
        """;

    private Reader reader;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0).setFillBatchSize(1000).setAdaptation(new AdaptationConfiguration()
                .setMode(AdaptationMode.OFF).setWatchWindows(2).setRegressionMargin(0.25)
                .setFillLatencyRatio(0).setFillNiceRatio(0)));
        sql("CREATE TABLE R (ID INT PRIMARY KEY, D INT, V BIGINT)");
        String valueType = (String)sql("SELECT VALUE_TYPE_NAME FROM SYS.TABLES WHERE TABLE_NAME = 'R'").get(0).get(0);
        try (IgniteDataStreamer<Object, BinaryObject> streamer = CLUSTER.node(0).dataStreamer("SQL_PUBLIC_R")) {
            streamer.keepBinary(true);
            for (int id = 0; id < ROWS; id++) {
                streamer.addData(id, CLUSTER.node(0).binary().builder(valueType).setField("D", id % 1000)
                    .setField("V", (long)id).build());
            }
        }
    }

    @AfterEach
    void stopReader() throws InterruptedException {
        if (reader != null)
            reader.stop();
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void anAdaptationThatMakesQueriesSlowerIsRolledBackByItself() throws Exception {
        reader = new Reader("SELECT SUM(V) FROM R WHERE ID BETWEEN ? AND ? AND FLOOR(D / 100000) = 0", 10);
        Adaptation back = adaptUnderLoad(BAD_PROFILE);

        Measurement m = back.measurement();
        System.out.println("bad adaptation: " + back.step() + ", " + back.reason() + ", " + m + "; " + reader);
        assertEquals(AdaptationStep.ROLLED_BACK, back.step(), "reason: " + back.reason());
        assertTrue(back.reason().startsWith(Adaptation.LATENCY_REGRESSED), back.reason());
        assertTrue(m.cutOverAt() > 0, "it was cut over before it was judged");
        assertTrue(m.latencyAfterMs() > 1.25 * m.latencyBeforeMs(), m.toString());
        assertNull(plugin().adaptation().layouts().table("PUBLIC.R"), "the layout before is back");
        assertEquals(List.of(), AdaptationWorkload.derivedColumns(CLUSTER.node(0), "R"));
        assertEquals(0, reader.wrongOutsideTheFill(back), "no query saw a mixed state: " + reader);
    }

    @Test
    @Order(2)
    void anAdaptationThatMakesQueriesFasterIsKept() throws Exception {
        reader = new Reader("SELECT SUM(V) FROM R WHERE FLOOR(D / 10) = 42 AND ID BETWEEN ? AND ?", 20_000);
        Adaptation done = adaptUnderLoad(GOOD_PROFILE);

        Measurement m = done.measurement();
        System.out.println("good adaptation: " + done.step() + ", " + m + "; " + reader);
        assertEquals(AdaptationStep.DONE, done.step(), "reason: " + done.reason());
        assertTrue(m.latencyAfterMs() < m.latencyBeforeMs(), m.toString());
        assertEquals(Adaptation.REQUESTED, done.trigger());
        assertEquals(0, reader.wrongOutsideTheFill(done), reader.toString());
    }

    /**
     * Requests {@code profile} once the reader ran long enough for its latency to settle and to fill the windows
     * compared, and waits for the manager to finish it.
     */
    private Adaptation adaptUnderLoad(String profile) throws InterruptedException {
        reader.start();
        Thread.sleep(6000);
        String id = plugin().adaptation().requestAdaptation(profile);
        long deadline = System.currentTimeMillis() + 60_000;
        Adaptation a;
        do {
            Thread.sleep(200);
            a = plugin().adaptation().adaptations().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        }
        while (!a.step().finished() && System.currentTimeMillis() < deadline);
        reader.stop();
        return a;
    }

    private static AutopilotPlugin plugin() {
        return AutopilotPlugin.of(CLUSTER.node(0));
    }

    private static List<List<?>> sql(String sql) {
        return CLUSTER.node(0).cache("autopilot_table_access").query(new SqlFieldsQuery(sql).setSchema("PUBLIC"))
            .getAll();
    }

    /** Runs one query over JDBC in a loop, on ranges of primary keys, and checks every sum against the expected one. */
    private static final class Reader {
        private final String query;
        private final int span;
        private final List<Long> wrongAt = new CopyOnWriteArrayList<>();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean running;
        private volatile String lastError;
        private Thread thread;

        Reader(String query, int span) {
            this.query = query;
            this.span = span;
        }

        void start() {
            running = true;
            thread = new Thread(this::run, "reader");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null)
                thread.join();
            if (failure.get() != null)
                throw new AssertionError("the reader failed", failure.get());
        }

        /**
         * @return wrong results outside the fill of {@code a}: while the fill rewrites rows, Ignite's SQL reads, which
         *     are not isolated from concurrent writes, may miss a row the fill moves, as with any concurrent UPDATE
         */
        long wrongOutsideTheFill(Adaptation a) {
            return wrongAt.stream().filter(t -> t < a.startedAt() || t > a.measurement().cutOverAt()).count();
        }

        @Override public String toString() {
            return "reader: " + wrongAt.size() + " wrong results, " + errors + " failed queries"
                + (lastError == null ? "" : " (last: " + lastError + ')');
        }

        private void run() {
            try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1));
                 PreparedStatement ps = c.prepareStatement(query)) {
                for (int i = 0; running; i++) {
                    int from = (i * 7919) % (ROWS - span);
                    ps.setInt(1, from);
                    ps.setInt(2, from + span);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) != expected(from, from + span))
                            wrongAt.add(System.currentTimeMillis());
                    }
                    catch (SQLException e) {
                        errors.incrementAndGet();
                        lastError = e.getMessage();
                    }
                }
            }
            catch (SQLException | RuntimeException e) {
                failure.set(e);
            }
        }

        /** @return the sum the query should give: V = ID, D = ID % 1000 */
        private long expected(int from, int to) {
            long sum = 0;
            for (int id = from; id <= to; id++) {
                if (query.contains("FLOOR(D / 100000) = 0") || (id % 1000) / 10 == 42)
                    sum += id;
            }
            return sum;
        }
    }
}
