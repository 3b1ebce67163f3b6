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
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.ignite.binary.BinaryObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's own DDL on a table with derived columns (issue 23): after {@code ALTER TABLE ... ADD COLUMN}, {@code DROP
 * COLUMN}, and {@code DROP TABLE} followed by {@code CREATE TABLE} under the same name, {@code SELECT *}, {@code INSERT
 * ... VALUES} and filters on a derived expression answer for the table as it is now, on every node; a dropped
 * table's derivation does not reach the new table's rows, and an adaptation of a dropped table ends rolled back.
 * Columns readers do not take for the user's are those the layout lists: so those of an adaptation taken back stay
 * listed until dropped.
 */
class TableDdlTest {
    private static final TestCluster CLUSTER = new TestCluster();

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0)
            .setAdaptation(new AdaptationConfiguration().setWatchWindows(0)));
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void addedColumnIsShownInsertedAndFoundThroughTheDerivedColumn() throws SQLException {
        adaptedTable("ADDED");
        execute(0, "ALTER TABLE ADDED ADD COLUMN E VARCHAR");
        for (int node = 0; node < 2; node++)
            assertEquals(List.of("ID", "A", "B", "C", "E"), starColumns(node, "ADDED"), "node " + node);

        execute(1, "INSERT INTO ADDED VALUES (100, 3, 4, 5, 'e')");
        execute(0, "INSERT INTO ADDED (ID, A, B, C, E) VALUES (101, 6, 2, 5, 'f')");
        for (int node = 0; node < 2; node++) {
            assertEquals(List.of(List.of(100, "e"), List.of(101, "f")),
                query(node, "SELECT ID, E FROM ADDED WHERE A * B = 12 AND ID >= 100 ORDER BY ID"), "node " + node);
        }
        assertEquals(List.of(List.of(12L, 12L)),
            query(0, AutopilotPlugin.NO_REWRITE + " SELECT AP_AB, A * B FROM ADDED WHERE ID = 100"),
            "the new row's derived value is stored");
    }

    @Test
    void droppedColumnsLeaveTheRemainingOnesAndDerivationOfWhatNoLongerExistsStops() throws SQLException {
        adaptedTable("DROPPED");
        execute(0, "ALTER TABLE DROPPED DROP COLUMN C");
        for (int node = 0; node < 2; node++)
            assertEquals(List.of("ID", "A", "B"), starColumns(node, "DROPPED"), "node " + node);
        execute(1, "INSERT INTO DROPPED VALUES (100, 3, 4)");
        assertEquals(List.of(List.of(100)), query(0, "SELECT ID FROM DROPPED WHERE A * B = 12 AND ID >= 100"));

        // AP_AB reads A: nothing derives it from now on, and the servers drop it in the background.
        execute(1, "ALTER TABLE DROPPED DROP COLUMN A");
        for (int node = 0; node < 2; node++) {
            int n = node;
            TestCluster.await("node " + node + " shows ID, B",
                () -> List.of("ID", "B").equals(starColumns(n, "DROPPED")));
        }
        execute(0, "INSERT INTO DROPPED VALUES (101, 7)");
        execute(1, "INSERT INTO DROPPED VALUES (102, 8)");
        assertEquals(List.of(List.of(101, 7L), List.of(102, 8L)),
            query(0, "SELECT * FROM DROPPED WHERE ID > 100 ORDER BY ID"));
    }

    @Test
    void tableCreatedAgainUnderTheSameNameIsTheNewTableOnly() throws SQLException {
        adaptedTable("AGAIN");
        execute(0, "DROP TABLE AGAIN");
        execute(1, "CREATE TABLE AGAIN (ID INT PRIMARY KEY, B BIGINT, A INT, D VARCHAR) WITH \"BACKUPS=1\"");
        for (int node = 0; node < 2; node++) {
            assertNull(AutopilotPlugin.of(CLUSTER.node(node)).adaptation().layouts().table("PUBLIC.AGAIN"), "node " + node);
            assertEquals(List.of("ID", "B", "A", "D"), starColumns(node, "AGAIN"), "node " + node);
        }

        for (int id = 0; id < 6; id++)
            execute(id % 2, "INSERT INTO AGAIN VALUES (" + id + ", " + id + ", 2, 'd" + id + "')");
        for (int node = 0; node < 2; node++) {
            assertEquals(List.of(List.of(3, "d3")), query(node, "SELECT ID, D FROM AGAIN WHERE A * B = 6"),
                "node " + node);
            assertEquals(List.of(List.of(1, 1L, 2, "d1")), query(node, "SELECT * FROM AGAIN WHERE ID = 1"));
        }
        for (int id = 0; id < 6; id++) {
            BinaryObject row = CLUSTER.node(id % 2).<Integer, Object>cache("SQL_PUBLIC_AGAIN")
                .<Integer, BinaryObject>withKeepBinary().get(id);
            assertFalse(row.hasField("AP_AB"), "row " + id + " was derived by the dropped table's layout");
        }
    }

    @Test
    void adaptationOfADroppedTableEndsRolledBack() throws SQLException {
        table("GONE");
        String id = AutopilotPlugin.of(CLUSTER.node(0)).adaptation().requestAdaptation(profile("GONE"));
        execute(1, "DROP TABLE GONE");

        TestCluster.await("the adaptation of the dropped table finished", () -> adaptation(id).step().finished(),
            20_000);
        Adaptation a = adaptation(id);
        assertEquals(AdaptationStep.ROLLED_BACK, a.step(), "reason: " + a.reason());
        assertTrue(a.reason().contains("dropped"), a.reason());
        for (int node = 0; node < 2; node++)
            assertNull(AutopilotPlugin.of(CLUSTER.node(node)).adaptation().layouts().table("PUBLIC.GONE"), "node " + node);
    }

    @Test
    void columnsOfAnAdaptationTakenBackStayHiddenUntilDropped() throws SQLException {
        adaptedTable("BACK");
        LayoutSteps steps = AutopilotPlugin.of(CLUSTER.node(0)).node().adaptationSteps();
        TableSchema table = AutopilotPlugin.of(CLUSTER.node(0)).node().adaptations().userSchema("PUBLIC.BACK");
        PartitionLayout before = steps.current(table);
        LayoutPlan plan = steps.plan(ProfileCodec.read("{\"partition_id\": \"BACK\", \"table\": \"PUBLIC.BACK\", "
            + "\"version\": 2, \"derived_attributes\": [{\"name\": \"AP_BC\", \"expression\": \"b * c\"}]}"), before);
        steps.addColumns(table, plan);
        assertEquals(List.of("ID", "A", "B", "C"), starColumns(1, "BACK"));

        steps.drain(steps.takeBack(table, before, plan));
        for (int node = 0; node < 2; node++)
            assertEquals(List.of("ID", "A", "B", "C"), starColumns(node, "BACK"), "node " + node + " in the grace");
        steps.dropAdded(table, plan);
        for (int node = 0; node < 2; node++) {
            assertEquals(List.of("ID", "A", "B", "C"), starColumns(node, "BACK"), "node " + node);
            assertEquals(before.derived(), AutopilotPlugin.of(CLUSTER.node(node)).adaptation().layouts().table("PUBLIC.BACK")
                .derived());
        }
    }

    /** Creates {@code name} with 20 rows and gives it the derived column {@code AP_AB = a * b}. */
    private static void adaptedTable(String name) throws SQLException {
        table(name);
        AutopilotPlugin.of(CLUSTER.node(1)).adaptation().applyProfile(profile(name));
        assertEquals(List.of("ID", "A", "B", "C"), starColumns(0, name), "derived columns stay hidden");
    }

    private static void table(String name) throws SQLException {
        execute(0, "CREATE TABLE " + name + " (ID INT PRIMARY KEY, A INT, B BIGINT, C INT) WITH \"BACKUPS=1\"");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 20; i++)
            values.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(i).append(", 2, ").append(i)
                .append(')');
        execute(0, "INSERT INTO " + name + " (ID, A, B, C) VALUES " + values);
    }

    private static String profile(String table) {
        return "{\"partition_id\": \"" + table + "\", \"table\": \"PUBLIC." + table + "\", \"version\": 1, "
            + "\"derived_attributes\": [{\"name\": \"AP_AB\", \"expression\": \"a * b\"}]}";
    }

    private static Adaptation adaptation(String id) {
        return AutopilotPlugin.of(CLUSTER.node(0)).adaptation().adaptations().stream().filter(a -> a.id().equals(id)).findFirst()
            .orElseThrow();
    }

    private static List<String> starColumns(int node, String table) {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(node));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE ID = 1")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++)
                names.add(md.getColumnName(i));
            return names;
        }
        catch (SQLException e) {
            throw new AssertionError("SELECT * FROM " + table + " failed on node " + node, e);
        }
    }

    private static void execute(int node, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(node)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<List<Object>> query(int node, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(node)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
                    row.add(rs.getObject(i));
                rows.add(row);
            }
            return rows;
        }
    }
}
