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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.Ignition;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CacheInterceptorAdapter;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A profile applied to a table while writers run through every write path: afterwards every row's derived values are
 * what Ignite SQL computes for the same expressions, and no write was lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DerivedColumnsTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 4000;
    private static final String TABLE = "PUBLIC.T";
    private static final String[] WRITERS = {"jdbc-update", "jdbc-merge", "sql-api", "thin-put", "kv-put"};

    private static final String PROFILE = """
        {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
         "derived_attributes": [
           {"name": "AP_AB", "expression": "a * b"},
           {"name": "AP_BUCKET", "expression": "FLOOR(c / 10)"},
           {"name": "AP_PRICE", "expression": "p * (1 - q)"}],
         "composite_index": ["AP_BUCKET", "S"]}
        """;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0).setFillBatchSize(200));
        sql("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B BIGINT, C INT, P DECIMAL(15, 2), Q DECIMAL(15, 2), "
            + "S VARCHAR, V BIGINT) WITH \"BACKUPS=1\"");
        for (int i = 0; i < ROWS; i += 100) {
            StringBuilder values = new StringBuilder();
            for (int j = i; j < i + 100; j++) {
                values.append(j == i ? "" : ", ").append('(').append(j).append(", ")
                    .append(j % 7 == 0 ? "NULL" : String.valueOf(j % 1000 - 500)).append(", ").append(j * 3L)
                    .append(", ").append(j % 400 - 200).append(", ").append(j % 977).append(".25, 0.0")
                    .append(j % 10).append(", 's").append(j % 5).append("', 0)");
            }
            sql("INSERT INTO T (ID, A, B, C, P, Q, S, V) VALUES " + values);
        }
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void profileAppliedUnderConcurrentWritesKeepsEveryRowExactAndLosesNoWrite() throws Exception {
        Map<Integer, Long> lastWritten = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        writers.add(writer("jdbc-update", 0, stop, writes, lastWritten, (id, v) -> jdbc(
            "UPDATE T SET V = ?, A = ?, C = ? WHERE ID = ?", v, (int)(v % 1000) - 500, (int)(v % 300) - 150, id)));
        writers.add(writer("jdbc-merge", 1, stop, writes, lastWritten, (id, v) -> jdbc("MERGE INTO T USING "
            + "(SELECT CAST(? AS INT) AS ID, CAST(? AS BIGINT) AS V, CAST(? AS INT) AS A, CAST(? AS INT) AS C) SRC "
            + "ON T.ID = SRC.ID WHEN MATCHED THEN UPDATE SET V = SRC.V, A = SRC.A, C = SRC.C "
            + "WHEN NOT MATCHED THEN INSERT (ID, A, B, C, P, Q, S, V) VALUES (SRC.ID, SRC.A, 1, SRC.C, 12.50, 0.10, "
            + "'s1', SRC.V)", id, v, (int)(v % 77), (int)(v % 50) - 25)));
        writers.add(writer("sql-api", 2, stop, writes, lastWritten, (id, v) -> {
            Object updated = CLUSTER.node(1).cache("SQL_PUBLIC_T")
                .query(new SqlFieldsQuery("UPDATE T SET V = ?, B = ? WHERE ID = ?").setArgs(v, v * 5, id)).getAll()
                .get(0).get(0);
            if (((Number)updated).intValue() != 1)
                throw new IllegalStateException(updated + " rows updated");
        }));
        try (IgniteClient client = Ignition.startClient(new ClientConfiguration()
            .setAddresses(CLUSTER.clientAddress(0)))) {
            ClientCache<Object, BinaryObject> thin = client.cache("SQL_PUBLIC_T").withKeepBinary();
            String valueType = valueType();
            writers.add(writer("thin-put", 3, stop, writes, lastWritten, (id, v) -> thin.put(id, client.binary()
                .builder(valueType).setField("A", (int)(v % 100)).setField("B", v).setField("C", -(int)(v % 90))
                .setField("P", new BigDecimal("3.10")).setField("Q", new BigDecimal("0.05")).setField("S", "s2")
                .setField("V", v).build())));
            IgniteCache<Object, BinaryObject> kv = CLUSTER.node(0).cache("SQL_PUBLIC_T").withKeepBinary();
            writers.add(writer("kv-put", 4, stop, writes, lastWritten, (id, v) -> kv.put(id, CLUSTER.node(0).binary()
                .builder(valueType).setField("A", 7).setField("B", v).setField("C", (int)(v % 33))
                .setField("P", new BigDecimal("99.99")).setField("Q", new BigDecimal("0.50")).setField("S", "s3")
                .setField("V", v).build())));
            writers.forEach(Thread::start);
            TestCluster.await("writers running", () -> writes.get() > 200);

            PartitionLayout layout = AutopilotPlugin.of(CLUSTER.node(1)).adaptation().applyProfile(PROFILE);

            long atApply = writes.get();
            TestCluster.await("writers ran after the fill", () -> writes.get() > atApply + 200);
            stop.set(true);
            for (Thread t : writers)
                t.join();

            assertEquals(3, layout.derived().size());
            assertTrue(layout.derived().stream().allMatch(c -> c.state() == ColumnState.READY));
            assertEquals(1, layout.indexes().size());
        }

        List<List<?>> rows = sql("SELECT ID, AP_AB, A * B, AP_BUCKET, FLOOR(C / 10), AP_PRICE, P * (1 - Q), V FROM T");
        assertEquals(ROWS, rows.size());
        int wrong = 0;
        for (List<?> r : rows) {
            if (!Objects.equals(r.get(1), r.get(2)) || !Objects.equals(r.get(3), r.get(4))
                || !Objects.equals(r.get(5), r.get(6)))
                wrong++;
        }
        int lost = 0;
        for (List<?> r : rows) {
            Long expected = lastWritten.get((Integer)r.get(0));
            if (expected != null && !expected.equals(r.get(7))) {
                lost++;
                System.out.println("lost write: ID " + r.get(0) + " holds V " + r.get(7) + ", last written " + expected
                    + " by the " + WRITERS[(Integer)r.get(0) % 5] + " writer");
            }
        }
        System.out.println("derived columns: " + rows.size() + " rows, " + wrong + " wrong, " + lost
            + " lost writes of " + lastWritten.size() + " keys written (" + writes.get() + " writes)");
        assertEquals(0, wrong);
        assertEquals(0, lost);
        assertTrue(lastWritten.size() > 100);
    }

    @Test
    @Order(2)
    void queriesOverTheExpressionAreRewrittenToTheDerivedColumnAndReturnTheSameRows() throws SQLException {
        String query = "SELECT ID, b * a FROM T WHERE A * B BETWEEN ? AND ? ORDER BY ID";
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1))) {
            // Wide enough that the rows the first test's writers leave in range (small IDs) stay well above ten.
            List<List<Object>> rewritten = rows(c, query, -200_000, 200_000);
            List<List<Object>> original = rows(c, AutopilotPlugin.NO_REWRITE + ' ' + query, -200_000, 200_000);
            assertEquals(original, rewritten);
            assertTrue(rewritten.size() > 10, "the range selects rows");

            String bucketQuery = "SELECT ID FROM T WHERE FLOOR(C / 10) = ? AND S = ?";
            assertEquals(sorted(rows(c, AutopilotPlugin.NO_REWRITE + ' ' + bucketQuery, -3, "s1")),
                sorted(rows(c, bucketQuery, -3, "s1")));
            String plan = (String)rows(c, "EXPLAIN PLAN FOR " + bucketQuery, -3, "s1").get(0).get(0);
            assertTrue(plan.contains("index=[AP_IDX_"), "the composite index serves the rewritten query: " + plan);

            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM T WHERE ID = 7");
                 ResultSet rs = ps.executeQuery()) {
                assertEquals(8, rs.getMetaData().getColumnCount(), "derived columns stay hidden from SELECT *");
            }
        }
        AutopilotPlugin.of(CLUSTER.node(1)).flushQueryLog();
        List<List<?>> made = sql("SELECT REWRITTEN_SQL, COLUMNS_USED FROM AUTOPILOT.QUERY_REWRITES "
            + "WHERE ORIGINAL_SQL LIKE '%A * B BETWEEN%'");
        assertTrue(made.stream().anyMatch(r -> ((String)r.get(0)).contains("AP_AB")), made.toString());
    }

    @Test
    @Order(3)
    void rowsStreamedPastTheInterceptorAreFoundAndRepaired() {
        String valueType = valueType();
        try (IgniteDataStreamer<Object, BinaryObject> streamer = CLUSTER.node(0).dataStreamer("SQL_PUBLIC_T")) {
            streamer.keepBinary(true);
            for (int id = ROWS; id < ROWS + 50; id++) {
                streamer.addData(id, CLUSTER.node(0).binary().builder(valueType).setField("A", id % 13)
                    .setField("B", 3L).setField("C", id % 70).setField("P", new BigDecimal("1.00"))
                    .setField("Q", new BigDecimal("0.25")).setField("S", "s4").setField("V", 0L).build());
            }
        }
        String query = "SELECT COUNT(*) FROM T WHERE P * (1 - Q) >= 0";
        assertTrue(!sql(query).equals(sql(AutopilotPlugin.NO_REWRITE + ' ' + query)),
            "the streamed rows' derived values are stale, so a rewritten query would be wrong before the repair");

        assertEquals(50, AutopilotPlugin.of(CLUSTER.node(1)).adaptation().repairDerivedColumns(TABLE));

        assertEquals(sql(AutopilotPlugin.NO_REWRITE + ' ' + query), sql(query));
        assertEquals(0, AutopilotPlugin.of(CLUSTER.node(0)).adaptation().repairDerivedColumns(TABLE));
        assertTrue(AutopilotPlugin.of(CLUSTER.node(0)).adaptation().layouts().table(TABLE).rewritable());
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }

    private static List<List<Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++)
                ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
                        row.add(rs.getObject(i));
                    out.add(row);
                }
                return out;
            }
        }
    }

    private static String valueType() {
        return (String)sql("SELECT VALUE_TYPE_NAME FROM SYS.TABLES WHERE SCHEMA_NAME = 'PUBLIC' AND TABLE_NAME = 'T'")
            .get(0).get(0);
    }

    /** A writer that owns the keys {@code id % 5 == slot} and writes an increasing version to each. */
    private static Thread writer(String name, int slot, AtomicBoolean stop, AtomicLong writes,
        Map<Integer, Long> lastWritten, Write write) {
        return new Thread(() -> {
            long v = slot * 1_000_000_000L;
            while (!stop.get()) {
                int id = ThreadLocalRandom.current().nextInt(ROWS / 5) * 5 + slot;
                v++;
                try {
                    write.run(id, v);
                    lastWritten.put(id, v);
                    writes.incrementAndGet();
                }
                catch (Exception e) {
                    // A write that failed was not applied; its key keeps the previous version.
                    System.out.println(name + " write of ID " + id + " V " + v + " failed: " + e);
                }
            }
        }, name);
    }

    @FunctionalInterface
    private interface Write {
        void run(int id, long v) throws Exception;
    }

    @Test
    @Order(4)
    void aTableWhoseCacheHasAnInterceptorOfItsOwnIsNotFilledAndKeepsItsColumns() {
        CLUSTER.node(0).addCacheConfiguration(new CacheConfiguration<>("OWN_INTERCEPTOR")
            .setInterceptor(new OwnInterceptor()));
        sql("CREATE TABLE U (ID INT PRIMARY KEY, A INT, B INT) WITH \"TEMPLATE=OWN_INTERCEPTOR\"");
        sql("INSERT INTO U (ID, A, B) VALUES (1, 2, 3), (2, 4, 5)");
        int columns = sql("SELECT * FROM U").get(0).size();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AutopilotPlugin.of(CLUSTER.node(1))
            .adaptation().applyProfile("""
                {"partition_id": "U", "table": "PUBLIC.U", "version": 1,
                 "derived_attributes": [{"name": "AP_UAB", "expression": "a * b"}]}
                """));

        assertTrue(e.getMessage().contains("has no Autopilot interceptor"), e.getMessage());
        assertEquals(columns, sql("SELECT * FROM U").get(0).size(), "the added column is dropped again");
        assertEquals(List.of(), AdaptationWorkload.derivedColumns(CLUSTER.node(0), "U"),
            "no derived column left behind");
    }

    /** A user's interceptor: Autopilot leaves it in place and derives nothing on its cache. */
    private static final class OwnInterceptor extends CacheInterceptorAdapter<Object, Object> {
        private static final long serialVersionUID = 1L;
    }

    private static final ThreadLocal<Connection> CONNECTION = ThreadLocal.withInitial(() -> {
        try {
            return DriverManager.getConnection(CLUSTER.jdbcUrl(ThreadLocalRandom.current().nextInt(2)));
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    });

    private static void jdbc(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = CONNECTION.get().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++)
                ps.setObject(i + 1, args[i]);
            int updated = ps.executeUpdate();
            if (updated != 1)
                throw new SQLException(updated + " rows updated by " + sql + " " + List.of(args));
        }
    }

    private static List<List<?>> sql(String sql) {
        return CLUSTER.node(0).cache("autopilot_table_stats").query(new SqlFieldsQuery(sql).setSchema("PUBLIC"))
            .getAll();
    }
}
