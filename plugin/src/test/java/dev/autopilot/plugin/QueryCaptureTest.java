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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import dev.autopilot.sql.log.QueryLogView;
import dev.autopilot.sql.log.Template;
import dev.autopilot.sql.log.TemplateWindowStats;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every execution from every SQL client reaches the query log, with its template, tables, filters and latency, and
 * is readable cluster-wide through SQL. Two real server nodes, started once for the class.
 */
class QueryCaptureTest {
    private static final TestCluster CLUSTER = new TestCluster();

    @BeforeAll
    static void startCluster() throws SQLException {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(3600).setStatisticsRefreshSeconds(0));
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT, C INT, D VARCHAR)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO T (ID, A, B, C, D) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 500; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, i % 17);
                    ps.setInt(3, i % 5);
                    ps.setInt(4, i);
                    ps.setString(5, "d" + i % 3);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void jdbcThinExecutionsAreCountedWithTheirShape() throws SQLException {
        String sql = "SELECT ID FROM T WHERE A * B > ? AND D = ?";
        int rows = 0;
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1));
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, 10 + i);
                ps.setString(2, "d1");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        rows++;
                }
            }
        }
        assertTrue(rows > 0);

        Template t = awaitTemplate("SELECT ID FROM T WHERE A * B > ? AND D = ?", 3);

        assertEquals(List.of("PUBLIC.T"), t.shape().tables());
        assertEquals("A * B", t.shape().predicates().get(0).expression());
        assertEquals(">", t.shape().predicates().get(0).operator());
        assertEquals("D", t.shape().predicates().get(1).expression());

        List<List<?>> fromSql = sql(
            "SELECT SUM(s.EXECUTIONS), MIN(s.MEAN_LATENCY_MS), MIN(p.EXPRESSION) FROM AUTOPILOT.TEMPLATE_STATS s "
                + "JOIN AUTOPILOT.TEMPLATE_PREDICATES p ON p.TEMPLATE_ID = s.TEMPLATE_ID "
                + "WHERE s.TEMPLATE_ID = '" + t.id() + "' AND p.POS = 0 GROUP BY s.TEMPLATE_ID");
        assertEquals(1, fromSql.size(), fromSql.toString());
        assertEquals(3L, ((Number)fromSql.get(0).get(0)).longValue());
        assertTrue(((Number)fromSql.get(0).get(1)).doubleValue() >= 0);
        assertEquals("A * B", fromSql.get(0).get(2));
    }

    @Test
    void theReadmesHotExpressionsQueryFindsTheExpression() throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.executeQuery("SELECT ID FROM T WHERE B * C < 7").close();
        }
        awaitTemplate("SELECT ID FROM T WHERE B * C < ?", 1);

        List<List<?>> rows = sql("SELECT p.TABLE_NAME, p.EXPRESSION, p.OPERATOR, SUM(s.EXECUTIONS) AS EXECS\n"
            + "FROM AUTOPILOT.TEMPLATE_STATS s JOIN AUTOPILOT.TEMPLATE_PREDICATES p ON p.TEMPLATE_ID = s.TEMPLATE_ID\n"
            + "WHERE s.WINDOW_START > CURRENT_TIMESTAMP - INTERVAL '1' HOUR AND p.ON_EXPRESSION\n"
            + "GROUP BY p.TABLE_NAME, p.EXPRESSION, p.OPERATOR ORDER BY EXECS DESC");

        assertTrue(rows.stream().anyMatch(r -> r.subList(0, 3).equals(List.of("PUBLIC.T", "B * C", "<"))
            && ((Number)r.get(3)).longValue() == 1), rows.toString());
    }

    @Test
    void sqlFieldsQueryAndLiteralsGroupIntoOneTemplate() {
        for (int bucket = 0; bucket < 4; bucket++) {
            CLUSTER.node(0).cache("SQL_PUBLIC_T")
                .query(new SqlFieldsQuery("SELECT COUNT(*) FROM T WHERE FLOOR(C / 100) = " + bucket)).getAll();
        }

        Template t = awaitTemplate("SELECT COUNT(*) FROM T WHERE FLOOR(C / 100) = ?", 4);

        assertEquals("FLOOR(C / 100)", t.shape().predicates().get(0).expression());
        assertEquals(List.of("COUNT(*)"), t.shape().projections());
    }

    @Test
    void thinClientExecutionsAreCounted() {
        try (IgniteClient client = Ignition.startClient(new ClientConfiguration()
            .setAddresses(CLUSTER.clientAddress(0)))) {
            for (int i = 0; i < 2; i++)
                client.query(new SqlFieldsQuery("SELECT D, SUM(A) FROM T WHERE C BETWEEN ? AND ? GROUP BY D")
                    .setArgs(10, 200)).getAll();
        }

        Template t = awaitTemplate("SELECT D, SUM(A) FROM T WHERE C BETWEEN ASYMMETRIC ? AND ? GROUP BY D", 2);

        assertEquals("BETWEEN", t.shape().predicates().get(0).operator());
        assertEquals(List.of("D"), t.shape().groupBy());
    }

    @Test
    void autopilotsOwnTablesAreNotWorkload() {
        long skippedBefore = skipped();

        sql("SELECT COUNT(*) FROM AUTOPILOT.QUERY_TEMPLATES");

        TestCluster.await("the statement seen and skipped", () -> skipped() > skippedBefore);
        for (var node : CLUSTER.nodes()) {
            assertFalse(AutopilotPlugin.of(node).queryLog().templates().stream()
                .anyMatch(t -> t.shape().tables().stream().anyMatch(n -> n.startsWith("AUTOPILOT."))));
        }
    }

    private static long skipped() {
        return CLUSTER.nodes().stream().mapToLong(n -> AutopilotPlugin.of(n).node().capture().internalSkipped()).sum();
    }

    @Test
    void sampledExecutionsKeepTheStatementAsIgniteRegisteredIt() throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.executeQuery("select id from t where id = 42").close();
        }
        // Ignite registers the parsed statement printed back, or, with Autopilot's parser, the client's text.
        String registered = "SELECT ID FROM T WHERE ID = 42";
        TestCluster.await("sampled record", () -> logs().anyMatch(
            log -> log.recent().stream().anyMatch(r -> r.originalSql().equalsIgnoreCase(registered))));

        CLUSTER.nodes().forEach(n -> AutopilotPlugin.of(n).flushQueryLog());
        List<List<?>> rows = sql("SELECT TEMPLATE_ID, LATENCY_MS FROM AUTOPILOT.QUERY_LOG WHERE UPPER(ORIGINAL_SQL) = '"
            + registered + "'");
        assertEquals(1, rows.size());
    }

    /**
     * Waits until the nodes' logs together have counted {@code executions} of the template (a client may send a
     * statement to any node), then publishes them.
     */
    private static Template awaitTemplate(String template, long executions) {
        try {
            TestCluster.await(template, () -> executionsOf(template) >= executions);
        }
        catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; counted " + executionsOf(template) + "; templates seen: "
                + logs().flatMap(l -> l.templates().stream()).map(t -> t.shape().template()).distinct().toList(), e);
        }
        assertEquals(executions, executionsOf(template));
        CLUSTER.nodes().forEach(n -> AutopilotPlugin.of(n).flushQueryLog());
        return logs().flatMap(l -> l.templates().stream()).filter(t -> t.shape().template().equals(template))
            .findFirst().orElseThrow();
    }

    private static long executionsOf(String template) {
        return logs().mapToLong(log -> {
            Map<String, String> ids = new HashMap<>();
            log.templates().forEach(t -> ids.put(t.id(), t.shape().template()));
            return log.windowStats().stream().filter(s -> template.equals(ids.get(s.templateId())))
                .mapToLong(TemplateWindowStats::executions).sum();
        }).sum();
    }

    private static Stream<QueryLogView> logs() {
        return CLUSTER.nodes().stream().map(n -> AutopilotPlugin.of(n).queryLog());
    }

    private static List<List<?>> sql(String sql) {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<?>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
                    row.add(rs.getObject(i));
                out.add(row);
            }
            return out;
        }
        catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
