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
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the parser hook on, the query log keeps the text exactly as the client sent it. */
class ParserHookTest {
    private static final TestCluster CLUSTER = new TestCluster();

    @BeforeAll
    static void startCluster() throws SQLException {
        CLUSTER.start(2, new AutopilotConfiguration().setParserHook(true).setStatisticsRefreshSeconds(0));
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, A INT)");
        }
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void theClientsOwnTextIsKept() throws SQLException {
        String sql = "select a   from t where id = 7";
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1)); Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
        }

        TestCluster.await("the client's text in a node's log", () -> CLUSTER.nodes().stream().anyMatch(
            n -> AutopilotPlugin.of(n).queryLog().recent().stream().anyMatch(r -> r.originalSql().equals(sql))));
        assertTrue(CLUSTER.nodes().stream().flatMap(n -> AutopilotPlugin.of(n).queryLog().templates().stream())
            .anyMatch(t -> t.shape().template().equals("SELECT A FROM T WHERE ID = ?")));
    }
}
