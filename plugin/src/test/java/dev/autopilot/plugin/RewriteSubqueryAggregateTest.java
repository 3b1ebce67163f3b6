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
import java.util.Random;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression for {@link RewriteDifferentialTest} seed 8991926567634407504: an indexed derived column in an
 * {@code IN (SELECT ...)} led Ignite 2.17 to a map/reduce sort aggregate that fails with "Remote query execution".
 * T has the differential test's profile; T1 is plain Ignite, with the bucket as a real indexed column.
 */
class RewriteSubqueryAggregateTest {
    private static final TestCluster CLUSTER = new TestCluster();

    private static final String QUERY = "SELECT t.ID FROM %T t WHERE t.ID IN (SELECT t2.ID FROM %T t2 "
        + "WHERE NOT (t2.P BETWEEN ? AND ? OR %BUCKET IN (?, ?))) AND (? <= t.B * t.A OR t.A * t.B IS NULL)";

    private static final List<List<Object>> PARAMS = List.of(
        List.of(-1, -15, 1574, new BigDecimal("129.89"), new BigDecimal("1227.39")),
        List.of(7, new BigDecimal("-53.79"), new BigDecimal("282.79"), 881, 0),
        List.of(new BigDecimal("1073.16"), -1005, -14, -1208, 1));

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        sql("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B BIGINT, C INT, P DECIMAL(15, 2), Q DECIMAL(15, 2), "
            + "S VARCHAR) WITH \"BACKUPS=1\"");
        sql("CREATE TABLE T1 (ID INT PRIMARY KEY, A INT, B BIGINT, C INT, P DECIMAL(15, 2), Q DECIMAL(15, 2), "
            + "S VARCHAR, BUCKET INT) WITH \"BACKUPS=1\"");
        sql("CREATE INDEX T1_BUCKET_S ON T1 (BUCKET, S)");
        Random data = new Random(1);
        for (int i = 0; i < 3000; i += 100) {
            StringBuilder t = new StringBuilder();
            StringBuilder t1 = new StringBuilder();
            for (int id = i; id < i + 100; id++) {
                int c = data.nextInt(600) - 300;
                String row = id + ", " + (data.nextInt(2000) - 1000) + ", " + (data.nextInt(100) - 30) + ", " + c
                    + ", " + (data.nextInt(100000) - 20000) / 100.0 + ", " + data.nextInt(11) / 100.0 + ", 's"
                    + data.nextInt(4) + '\'';
                t.append(id == i ? "(" : ", (").append(row).append(')');
                t1.append(id == i ? "(" : ", (").append(row).append(", ").append(c / 10).append(')');
            }
            sql("INSERT INTO T (ID, A, B, C, P, Q, S) VALUES " + t);
            sql("INSERT INTO T1 (ID, A, B, C, P, Q, S, BUCKET) VALUES " + t1);
        }
        AutopilotPlugin.of(CLUSTER.node(0)).adaptation().applyProfile("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
             "derived_attributes": [
               {"name": "AP_AB", "expression": "A * B"},
               {"name": "AP_BUCKET", "expression": "FLOOR(C / 10)"},
               {"name": "AP_PRICE", "expression": "P * (1 - Q)"}],
             "indexes": [{"name": "AP_IDX_AB", "columns": ["AP_AB"]},
                         {"name": "AP_IDX_BUCKET_S", "columns": ["AP_BUCKET", "S"]}]}
            """);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void rewrittenInSubqueryOnAnIndexedDerivedColumnReturnsWhatTheOriginalReturns() throws SQLException {
        String query = QUERY.replace("%T", "T").replace("%BUCKET", "FLOOR(t2.C / 10)");
        long rewrittenBefore = rewritten();
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1))) {
            for (List<Object> params : PARAMS) {
                List<String> original = rows(c, AutopilotPlugin.NO_REWRITE + ' ' + query, params);
                assertFalse(original.isEmpty(), "the statement selects rows");
                assertEquals(original, rows(c, query, params), "with " + params);
            }
            String plan = rows(c, "EXPLAIN PLAN FOR " + query, PARAMS.get(0)).get(0);
            assertFalse(plan.contains("ReduceSortAggregate"), plan);
        }
        assertTrue(rewritten() > rewrittenBefore, "the statement is rewritten");
    }

    /** When this fails, Ignite plans or runs the statement correctly: drop SortAggregateHintRule. */
    @Test
    void plainIgniteFailsTheSameStatementOnARealIndexedColumn() throws SQLException {
        String query = QUERY.replace("%T", "T1").replace("%BUCKET", "t2.BUCKET");
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1))) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c, query, PARAMS.get(1)));
            assertTrue(e.getMessage().contains("Remote query execution"), e.getMessage());
        }
    }

    private static long rewritten() {
        return CLUSTER.nodes().stream().mapToLong(n -> AutopilotPlugin.of(n).node().statementHook().rewritten()).sum();
    }

    private static List<String> rows(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++)
                ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next())
                    out.add(rs.getString(1));
                out.sort(null);
                return out;
            }
        }
    }

    private static void sql(String sql) {
        CLUSTER.node(0).cache("autopilot_table_stats").query(new SqlFieldsQuery(sql).setSchema("PUBLIC")).getAll();
    }
}
