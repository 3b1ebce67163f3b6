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

package dev.autopilot.examples.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The table the fault runs write and adapt, {@code PUBLIC.T} with one backup, so that a single node killed loses no
 * row. Every column of a row follows from its version {@code V} ({@link #a}, {@link #b}, {@link #c}, {@link #s}), so
 * a check can tell a row that mixes two writes from one that is merely old. Rows {@code 0 .. frozen-1} are never
 * written after the load: queries over them must return the same rows rewritten or not, at any moment.
 */
public final class FaultTable {
    /** The table's qualified name, as Autopilot names it. */
    public static final String NAME = "PUBLIC.T";

    /**
     * Two profiles that replace each other: applied in turn, each adds a column and an index and retires what the
     * other added, so that adaptations after the first pass through every step, {@code RETIRING} included.
     */
    public static final List<String> PROFILES = List.of("""
        {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
         "derived_attributes": [
           {"name": "AP_AB", "expression": "a * b"},
           {"name": "AP_BUCKET", "expression": "FLOOR(c / 10)"}],
         "composite_index": ["AP_BUCKET", "S"]}
        """, """
        {"partition_id": "T", "table": "PUBLIC.T", "version": 2,
         "derived_attributes": [
           {"name": "AP_AB", "expression": "a * b"},
           {"name": "AP_AC", "expression": "a + c"}],
         "composite_index": ["AP_AC"]}
        """);

    /** Derived columns any profile adds, with the expression each must equal. */
    public static final List<List<String>> DERIVED = List.of(List.of("AP_AB", "A * B"),
        List.of("AP_BUCKET", "FLOOR(C / 10)"), List.of("AP_AC", "A + C"));

    private FaultTable() {
    }

    /** Creates the table and loads rows {@code 0 .. rows-1}, each at version {@code id}. */
    public static void create(Connection c, int rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B BIGINT, C INT, S VARCHAR, V BIGINT) "
                + "WITH \"BACKUPS=1\"");
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO T (ID, A, B, C, S, V) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int id = 0; id < rows; id++) {
                bind(ps, id, id);
                ps.addBatch();
                if (id % 500 == 499 || id == rows - 1)
                    ps.executeBatch();
            }
        }
    }

    /** Sets {@code ID, A, B, C, S, V} of the row {@code id} at version {@code v}. */
    static void bind(PreparedStatement ps, int id, long v) throws SQLException {
        ps.setInt(1, id);
        ps.setInt(2, a(v));
        ps.setLong(3, b(v));
        ps.setInt(4, c(v));
        ps.setString(5, s(v));
        ps.setLong(6, v);
    }

    /** @return column {@code A} of a row at version {@code v} */
    static int a(long v) {
        return (int)(v % 1000) - 500;
    }

    /** @return column {@code B} of a row at version {@code v} */
    static long b(long v) {
        return v % 10_007;
    }

    /** @return column {@code C} of a row at version {@code v} */
    static int c(long v) {
        return (int)(v % 300) - 150;
    }

    /** @return column {@code S} of a row at version {@code v} */
    static String s(long v) {
        return "s" + v % 5;
    }
}
