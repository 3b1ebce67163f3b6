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
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shapes issue 23 found showing derived columns or answering differently, run over JDBC thin on a table with
 * READY derived columns and, with the table's name replaced, on its twin that Autopilot never touched: labels, types
 * and rows must be the same. Each {@code T} in a statement is the adapted table, each {@code P} its twin; {@code VT}
 * and {@code VP} are views of them.
 */
class ClientShapesTest {
    private static final TestCluster CLUSTER = new TestCluster();

    @BeforeAll
    static void startCluster() throws SQLException {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        for (String table : List.of("T", "P")) {
            execute("CREATE TABLE " + table + " (ID INT PRIMARY KEY, Q DECIMAL(15, 2), D DATE, N INT) "
                + "WITH \"BACKUPS=1\"");
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                rows.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(i % 50).append('.')
                    .append(i % 100).append(", DATE '199").append(i % 7).append("-0").append(1 + i % 9).append("-1")
                    .append(i % 9).append("', ").append(i % 11 == 0 ? "NULL" : String.valueOf(i % 13)).append(')');
            }
            execute("INSERT INTO " + table + " (ID, Q, D, N) VALUES " + rows);
        }
        AutopilotPlugin.of(CLUSTER.node(0)).adaptation().applyProfile("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
             "derived_attributes": [
               {"name": "AP_QB", "expression": "FLOOR(Q / 10)"},
               {"name": "AP_YEAR", "expression": "EXTRACT(YEAR FROM D)"},
               {"name": "AP_NZ", "expression": "COALESCE(N, 0) + 1"}],
             "composite_index": ["AP_QB"]}
            """);
        execute("CREATE VIEW VT AS SELECT * FROM T");
        execute("CREATE VIEW VP AS SELECT * FROM P");
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM T ORDER BY ID",
        "WITH T AS (SELECT * FROM PUBLIC.T WHERE FLOOR(Q / 10) = 2) SELECT * FROM T ORDER BY ID",
        "SELECT * FROM T, (SELECT 1 AS X) WHERE T.ID < 5 ORDER BY T.ID",
        "SELECT * FROM T, TABLE(SYSTEM_RANGE(1, 1)) WHERE T.ID < 5 ORDER BY T.ID",
        "SELECT PUBLIC.T.* FROM PUBLIC.T WHERE PUBLIC.T.ID < 5 ORDER BY PUBLIC.T.ID",
        "SELECT * FROM VT WHERE FLOOR(Q / 10) = 3 ORDER BY ID",
        "SELECT * FROM T NATURAL JOIN T X ORDER BY ID",
        "SELECT COUNT(*) FROM T WHERE FLOOR(CAST(Q / 10 AS DECIMAL(15, 0))) = 2",
        "SELECT COUNT(*) FROM T WHERE FLOOR(Q / 10) = 2",
        "SELECT u.D FROM T, P u WHERE T.ID = u.ID + 1 AND T.ID < 40 ORDER BY EXTRACT(YEAR FROM D), T.ID",
        "SELECT x.ID, COALESCE(y.N, 0) + 1 FROM T x LEFT JOIN T y ON y.ID = x.ID + 1000 ORDER BY x.ID",
        "SELECT FLOOR(Q / 10), COUNT(*) FROM T GROUP BY FLOOR(Q / 10) ORDER BY 1",
        "SELECT * FROM T WHERE ID IN (SELECT ID FROM T WHERE EXTRACT(YEAR FROM D) = 1993) ORDER BY ID"})
    void answersAsThePlainTable(String sql) throws SQLException {
        String plain = sql.replaceAll("\\bT\\b", "P").replace("VT", "VP");
        Answer adapted = answer(sql);
        Answer expected = answer(plain);
        assertEquals(expected.labels, adapted.labels, sql);
        assertEquals(expected.types, adapted.types, sql);
        assertEquals(expected.rows, adapted.rows, sql);
        assertTrue(adapted.labels.stream().noneMatch(l -> l.startsWith("AP_")), sql);
    }

    private record Answer(List<String> labels, List<String> types, List<List<Object>> rows) {
    }

    private static Answer answer(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
                types.add(md.getColumnTypeName(i) + '(' + md.getPrecision(i) + ',' + md.getScale(i) + ')');
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++)
                    row.add(rs.getObject(i));
                rows.add(row);
            }
            return new Answer(labels, types, rows);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
