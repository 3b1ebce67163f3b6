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
import java.util.ArrayList;
import java.util.List;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23: SQL tools list a table's columns from {@code SYS.TABLE_COLUMNS} or JDBC {@code getColumns}; neither may
 * show a derived column, on any node, whether the column is still being built or ready, and both must keep showing
 * every column of the user's, one added later included.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HiddenDerivedColumnsTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final String TABLE = "PUBLIC.T";

    /** What each node lists before Autopilot touched the table: {@code [sys view's list, getColumns's list]}. */
    private static final List<List<List<String>>> BEFORE = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws SQLException {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        execute("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT, S VARCHAR) WITH \"BACKUPS=1\"");
        execute("INSERT INTO T (ID, A, B, S) VALUES (1, 2, 3, 'x'), (2, 4, 5, 'y'), (3, NULL, 6, 'z')");
        for (int i = 0; i < CLUSTER.nodes().size(); i++)
            BEFORE.add(List.of(sysColumns(i), jdbcColumns(i)));
        assertEquals(List.of("ID", "A", "B", "S"), BEFORE.get(0).get(1));
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void columnBeingBuiltIsNotListed() throws SQLException {
        LayoutSteps steps = AutopilotPlugin.of(CLUSTER.node(0)).node().adaptationSteps();
        TableSchema table = AutopilotPlugin.of(CLUSTER.node(0)).node().adaptations().userSchema(TABLE);
        PartitionLayout before = steps.current(table);
        LayoutPlan plan = steps.plan(ProfileCodec.read("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
             "derived_attributes": [{"name": "AP_BUILDING", "expression": "a + b"}]}
            """), before);
        try {
            steps.addColumns(table, plan);
            TestCluster.await("every node sees the column as BUILDING", () -> CLUSTER.nodes().stream().allMatch(n ->
                AutopilotPlugin.of(n).adaptation().layouts().table(TABLE).derived().stream()
                    .anyMatch(c -> c.name().equals("AP_BUILDING") && c.state() == ColumnState.BUILDING)));

            assertEquals(List.of("AP_BUILDING"), AdaptationWorkload.derivedColumns(CLUSTER.node(0)), "it exists");
            assertEveryNodeListsOnly(List.of());
        }
        finally {
            steps.takeBack(table, before, plan);
            steps.dropAdded(table, plan);
        }
    }

    @Test
    @Order(2)
    void readyColumnIsNotListed() throws SQLException {
        PartitionLayout layout = AutopilotPlugin.of(CLUSTER.node(1)).adaptation().applyProfile("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 2,
             "derived_attributes": [{"name": "AP_AB", "expression": "a * b"}],
             "composite_index": ["AP_AB"]}
            """);
        assertTrue(layout.derived().stream().allMatch(c -> c.state() == ColumnState.READY));
        TestCluster.await("every node sees AP_AB", () -> CLUSTER.nodes().stream()
            .allMatch(n -> AutopilotPlugin.of(n).adaptation().layouts().table(TABLE) != null));

        assertEquals(List.of("AP_AB"), AdaptationWorkload.derivedColumns(CLUSTER.node(0)), "it exists");
        assertEveryNodeListsOnly(List.of());
    }

    @Test
    @Order(3)
    void columnTheUserAddsLaterIsListed() throws SQLException {
        execute("ALTER TABLE T ADD COLUMN EXTRA VARCHAR");

        assertEveryNodeListsOnly(List.of("EXTRA"));
    }

    /** Fails unless every node lists what it listed before Autopilot touched the table, and then {@code added}. */
    private static void assertEveryNodeListsOnly(List<String> added) throws SQLException {
        for (int i = 0; i < CLUSTER.nodes().size(); i++) {
            List<String> sys = new ArrayList<>(BEFORE.get(i).get(0));
            sys.addAll(added);
            List<String> jdbc = new ArrayList<>(BEFORE.get(i).get(1));
            jdbc.addAll(added);
            sys.sort(null);
            List<String> sysNow = sysColumns(i);
            List<String> jdbcNow = jdbcColumns(i);
            int node = i;
            assertAll(() -> assertEquals(sys, sysNow, "SYS.TABLE_COLUMNS on node " + node),
                () -> assertEquals(jdbc, jdbcNow, "getColumns on node " + node));
        }
    }

    /**
     * @return the columns of T that node {@code i}'s {@code SYS.TABLE_COLUMNS} lists, as JDBC thin reads them, sorted:
     *     the view lists them in no fixed order
     */
    private static List<String> sysColumns(int i) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(i));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COLUMN_NAME FROM SYS.TABLE_COLUMNS "
                 + "WHERE SCHEMA_NAME = 'PUBLIC' AND TABLE_NAME = 'T'")) {
            while (rs.next())
                out.add(rs.getString(1));
        }
        out.sort(null);
        return out;
    }

    /** @return the columns of T that node {@code i} gives JDBC {@code DatabaseMetaData.getColumns} */
    private static List<String> jdbcColumns(int i) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(i));
             ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "T", null)) {
            while (rs.next())
                out.add(rs.getString("COLUMN_NAME"));
        }
        return out;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0)); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
