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
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rewriter's proof of correctness: thousands of generated queries over generated data, each run through JDBC on T,
 * which has derived columns and indexes and is rewritten, and on T0, a copy of T's data that Autopilot never touched
 * (marked {@link AutopilotPlugin#NO_REWRITE} besides), must return the same columns and the same rows, as multisets, or
 * in the same order where ORDER BY is total. AP_PQ and AP_PBUCKET are DECIMAL and indexed, so they become search
 * keys, which filters are narrowed by but never read in place of their expressions. Set {@code -Ddifferential.seed=N} to replay
 * a run; {@code -Ddifferential.queries=N} for more queries.
 */
class RewriteDifferentialTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final long SEED = Long.getLong("differential.seed", new Random().nextLong());
    private static final int QUERIES = Integer.getInteger("differential.queries", 2000);
    private static final int VARIANTS = 12;

    private static final String PROFILE = """
        {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
         "derived_attributes": [
           {"name": "AP_AB", "expression": "A * B"},
           {"name": "AP_BUCKET", "expression": "FLOOR(C / 10)"},
           {"name": "AP_PRICE", "expression": "P * (1 - Q)"},
           {"name": "AP_PQ", "expression": "P * Q"},
           {"name": "AP_PBUCKET", "expression": "FLOOR(P / 100)"}],
         "indexes": [{"name": "AP_IDX_AB", "columns": ["AP_AB"]},
                     {"name": "AP_IDX_BUCKET_S", "columns": ["AP_BUCKET", "S"]},
                     {"name": "AP_IDX_PQ", "columns": ["AP_PQ"]},
                     {"name": "AP_IDX_PBUCKET_S", "columns": ["AP_PBUCKET", "S"]}]}
        """;

    @BeforeAll
    static void startCluster() {
        System.out.println("differential seed: " + SEED + " (replay with -Ddifferential.seed=" + SEED + ")");
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        Random data = new Random(SEED);
        for (String table : List.of("T", "T0")) {
            sql("CREATE TABLE " + table + " (ID INT PRIMARY KEY, A INT, B BIGINT, C INT, P DECIMAL(15, 2), "
                + "Q DECIMAL(15, 2), S VARCHAR) WITH \"BACKUPS=1\"");
        }
        sql("CREATE TABLE U (K INT PRIMARY KEY, W INT, A INT)");
        for (int i = 0; i < 3000; i += 100) {
            StringBuilder values = new StringBuilder();
            for (int j = i; j < i + 100; j++) {
                values.append(j == i ? "" : ", ").append('(').append(j).append(", ")
                    .append(nullOr(data, data.nextInt(2000) - 1000)).append(", ")
                    .append(nullOr(data, data.nextInt(100) - 30)).append(", ")
                    .append(nullOr(data, data.nextInt(600) - 300)).append(", ")
                    .append(nullOr(data, (data.nextInt(100000) - 20000) / 100.0)).append(", ")
                    .append(nullOr(data, data.nextInt(11) / 100.0)).append(", ")
                    .append(data.nextInt(10) == 0 ? "NULL" : "'s" + data.nextInt(4) + '\'').append(')');
            }
            sql("INSERT INTO T (ID, A, B, C, P, Q, S) VALUES " + values);
            sql("INSERT INTO T0 (ID, A, B, C, P, Q, S) VALUES " + values);
        }
        StringBuilder u = new StringBuilder();
        for (int k = -300; k < 300; k += 3)
            u.append(k == -300 ? "" : ", ").append('(').append(k).append(", ").append(data.nextInt(40) - 20)
                .append(", ").append(k % 17).append(')');
        sql("INSERT INTO U (K, W, A) VALUES " + u);
        AutopilotPlugin.of(CLUSTER.node(0)).adaptation().applyProfile(PROFILE);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void rewrittenQueriesReturnExactlyWhatTheOriginalsReturn() throws SQLException {
        QueryGenerator generator = new QueryGenerator(SEED);
        int queries = 0;
        int mismatches = 0;
        int failedBoth = 0;
        long rewrittenBefore = rewritten();
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1))) {
            while (queries < QUERIES) {
                for (QueryGenerator.Query q : generator.next(VARIANTS)) {
                    queries++;
                    Result original = run(c, AutopilotPlugin.NO_REWRITE + ' ' + q.sql().replace("%T", "T0"),
                        q.params());
                    Result rewritten = run(c, q.sql().replace("%T", "T"), q.params());
                    if (original.error != null && rewritten.error != null) {
                        failedBoth++;
                        continue;
                    }
                    if (!original.matches(rewritten, q.ordered())) {
                        mismatches++;
                        if (mismatches <= 5)
                            System.out.println("mismatch: " + q.sql() + ' ' + q.params() + "\n  original: " + original
                                + "\n  rewritten: " + rewritten);
                    }
                }
            }
        }
        long rewrittenStatements = rewritten() - rewrittenBefore;
        System.out.println("differential: " + queries + " queries, " + mismatches + " mismatches (seed " + SEED + ", "
            + rewrittenStatements + " statements rewritten, " + failedBoth + " failed alike)");
        assertEquals(0, mismatches);
        assertTrue(rewrittenStatements > QUERIES / VARIANTS / 2, "most generated shapes are rewritten");
        assertTrue(failedBoth < queries / 20, failedBoth + " queries failed with and without rewriting");
    }

    @Test
    void filtersOnSearchKeysSeekTheirIndexes() throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0))) {
            String band = plan(c, "SELECT ID FROM T WHERE P * Q BETWEEN ? AND ?");
            assertTrue(band.contains("index=[AP_IDX_PQ"), band);
            String bucket = plan(c, "SELECT ID FROM T WHERE FLOOR(P / 100) = ? AND S = ?");
            assertTrue(bucket.contains("index=[AP_IDX_PBUCKET_S"), bucket);
        }
    }

    private static String plan(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN PLAN FOR " + sql)) {
            ps.setObject(1, new java.math.BigDecimal("1.50"));
            ps.setObject(2, sql.contains(" S = ") ? "s1" : new java.math.BigDecimal("9.25"));
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder out = new StringBuilder();
                while (rs.next())
                    out.append(rs.getString(1)).append('\n');
                return out.toString();
            }
        }
    }

    private static long rewritten() {
        return CLUSTER.nodes().stream().mapToLong(n -> AutopilotPlugin.of(n).node().statementHook().rewritten()).sum();
    }

    /** The outcome of one statement: its column labels and rows, or its error. */
    private record Result(List<String> columns, List<String> rows, String error) {
        boolean matches(Result other, boolean ordered) {
            if (error != null || other.error != null)
                return false;
            if (!columns.equals(other.columns))
                return false;
            return ordered ? rows.equals(other.rows) : rows.stream().sorted().toList()
                .equals(other.rows.stream().sorted().toList());
        }

        @Override public String toString() {
            return error != null ? "error " + error : columns + " " + rows.size() + " rows "
                + rows.subList(0, Math.min(5, rows.size()));
        }
    }

    private static Result run(Connection c, String sql, List<Object> params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++)
                ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++)
                    columns.add(md.getColumnLabel(i) + ':' + md.getColumnTypeName(i));
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++)
                        row.append(rs.getObject(i)).append('|');
                    rows.add(row.toString());
                }
                return new Result(columns, rows, null);
            }
        }
        catch (SQLException e) {
            return new Result(List.of(), List.of(), e.getMessage());
        }
    }

    private static String nullOr(Random rnd, Object value) {
        return rnd.nextInt(12) == 0 ? "NULL" : String.valueOf(value);
    }

    private static void sql(String sql) {
        CLUSTER.node(0).cache("autopilot_table_stats").query(new SqlFieldsQuery(sql).setSchema("PUBLIC")).getAll();
    }
}
