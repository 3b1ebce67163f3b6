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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24: each node's own Autopilot state is a system view, {@code SYS.AUTOPILOT_NODE}, read over JDBC thin on
 * each node and through {@code control.sh --system-view} for all nodes at once.
 */
class NodeStateViewTest {
    private static final TestCluster CLUSTER = new TestCluster();

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        CLUSTER.sql("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT) WITH \"BACKUPS=1\"");
        CLUSTER.sql("INSERT INTO T (ID, A, B) VALUES (1, 3, 4), (2, 2, 6), (3, 1, 1)");
        AutopilotPlugin.of(CLUSTER.node(0)).adaptation().applyProfile("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
             "derived_attributes": [{"name": "AP_AB", "expression": "a * b"}]}
            """);
        TestCluster.await("every node follows the layout", () -> CLUSTER.nodes().stream()
            .allMatch(n -> AutopilotPlugin.of(n).adaptation().layouts().table("PUBLIC.T") != null));
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void eachNodeShowsItsOwnState() throws SQLException {
        Set<Long> versions = new HashSet<>();
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1)); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM T WHERE A * B = 12")) {
                rs.next();
                assertEquals(2, rs.getLong(1));
            }
        }
        for (int i = 0; i < CLUSTER.nodes().size(); i++) {
            try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(i)); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT NODE_ID, LAYOUT_VERSION, TABLES_WITH_LAYOUT, "
                     + "STATEMENTS_REWRITTEN, EXECUTIONS_CAPTURED, LAST_PLAN_CACHE_CLEAR FROM SYS.AUTOPILOT_NODE")) {
                assertTrue(rs.next(), "a row on node " + i);
                assertEquals(CLUSTER.node(i).cluster().localNode().id(), rs.getObject(1), "NODE_ID on node " + i);
                versions.add(rs.getLong(2));
                assertEquals(1, rs.getInt(3), "TABLES_WITH_LAYOUT on node " + i);
                assertEquals(i == 1 ? 1 : 0, rs.getLong(4), "STATEMENTS_REWRITTEN on node " + i);
                assertTrue(rs.getLong(5) > 0, "EXECUTIONS_CAPTURED on node " + i);
                assertNotNull(rs.getTimestamp(6), "LAST_PLAN_CACHE_CLEAR on node " + i);
                assertFalse(rs.next(), "one row on node " + i);
            }
        }
        assertEquals(1, versions.size(), () -> "every node rewrites with one layout version: " + versions);
        assertTrue(versions.iterator().next() > 0, () -> "a layout version after the change: " + versions);
    }

    @Test
    void controlUtilityShowsEveryNode() {
        ControlUtility.Run run = ControlUtility.run(CLUSTER.clientAddress(0), "--system-view", "AUTOPILOT_NODE",
            "--all-nodes");

        assertEquals(0, run.exitCode(), run::toString);
        for (String id : List.of(CLUSTER.node(0).cluster().localNode().id().toString(),
            CLUSTER.node(1).cluster().localNode().id().toString()))
            assertTrue(run.output().contains(id), () -> "node " + id + " in " + run);
    }
}
