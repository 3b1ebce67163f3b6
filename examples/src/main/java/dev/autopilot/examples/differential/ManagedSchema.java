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

package dev.autopilot.examples.differential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The tables both clusters hold, their first rows, and the expressions Autopilot may derive columns from: the grammar
 * writes these expressions (in several spellings) so that rewrites fire, and the drift gives and takes the derived
 * columns and indexes that hold them. A derived column's name always stands for the same expression, so that dropping
 * and adding it again never meets a column of another type.
 */
final class ManagedSchema {
    /** A derived expression as the grammar spells it, over column placeholders such as {@code {A}}. */
    record Spelling(String sql, Kind kind) {
    }

    /** The expressions derived columns may hold, per table, each with the spellings the grammar writes. */
    static final Map<String, List<Spelling>> SPELLINGS = Map.of(
        "T", List.of(
            new Spelling("{A} * {B}", Kind.NUM), new Spelling("{B} * {A}", Kind.NUM),
            new Spelling("({A} * {B})", Kind.NUM), new Spelling("FLOOR({C} / 10)", Kind.NUM),
            new Spelling("floor({C}/10)", Kind.NUM), new Spelling("{P} * {Q}", Kind.NUM),
            new Spelling("{Q} * {P}", Kind.NUM), new Spelling("{P} * (1 - {Q})", Kind.NUM),
            new Spelling("FLOOR({P} / 100)", Kind.NUM), new Spelling("UPPER({S})", Kind.STR),
            new Spelling("EXTRACT(YEAR FROM {D})", Kind.NUM), new Spelling("CAST({C} AS DECIMAL(10, 2))", Kind.NUM)),
        "U", List.of(
            new Spelling("{W} * {A}", Kind.NUM), new Spelling("{A} * {W}", Kind.NUM),
            new Spelling("FLOOR({W} / 3)", Kind.NUM)),
        "W", List.of(new Spelling("{A} * {B}", Kind.NUM), new Spelling("UPPER({S})", Kind.STR)));

    /** Profiles per table (versions are filled in when one is used): each a set of derived columns and indexes. */
    private static final Map<String, List<String>> PROFILES = Map.of(
        "T", List.of(
            """
            "derived_attributes": [{"name": "AP_AB", "expression": "A * B"},
              {"name": "AP_BUCKET", "expression": "FLOOR(C / 10)"}, {"name": "AP_PQ", "expression": "P * Q"},
              {"name": "AP_PRICE", "expression": "P * (1 - Q)"}],
             "indexes": [{"name": "AP_IDX_AB", "columns": ["AP_AB"]},
              {"name": "AP_IDX_BUCKET_S", "columns": ["AP_BUCKET", "S"]}]""",
            """
            "derived_attributes": [{"name": "AP_PBUCKET", "expression": "FLOOR(P / 100)"},
              {"name": "AP_US", "expression": "UPPER(S)"}, {"name": "AP_YEAR", "expression": "EXTRACT(YEAR FROM D)"},
              {"name": "AP_CDEC", "expression": "CAST(C AS DECIMAL(10, 2))"}],
             "indexes": [{"name": "AP_IDX_PBUCKET_S", "columns": ["AP_PBUCKET", "S"]},
              {"name": "AP_IDX_YEAR", "columns": ["AP_YEAR"]}]""",
            """
            "derived_attributes": [{"name": "AP_AB", "expression": "A * B"},
              {"name": "AP_PQ", "expression": "P * Q"}, {"name": "AP_US", "expression": "UPPER(S)"}],
             "indexes": [{"name": "AP_IDX_PQ", "columns": ["AP_PQ"]}]"""),
        "U", List.of(
            """
            "derived_attributes": [{"name": "AP_WA", "expression": "W * A"},
              {"name": "AP_WBUCKET", "expression": "FLOOR(W / 3)"}],
             "indexes": [{"name": "AP_IDX_WA", "columns": ["AP_WA"]}]"""),
        "W", List.of(
            """
            "derived_attributes": [{"name": "AP_WAB", "expression": "A * B"},
              {"name": "AP_WUS", "expression": "UPPER(S)"}],
             "indexes": [{"name": "AP_IDX_WAB", "columns": ["AP_WAB"]}]"""));

    static final List<String> TABLES = List.of("T", "U", "W");

    private ManagedSchema() {
    }

    /** @return profile {@code i} of {@code table} as JSON, with {@code version} */
    static String profile(String table, int i, int version) {
        return "{\"partition_id\": \"" + table + "\", \"table\": \"PUBLIC." + table + "\", \"version\": " + version
            + ",\n" + PROFILES.get(table).get(i) + "}";
    }

    static int profiles(String table) {
        return PROFILES.get(table).size();
    }

    /** @return the statement that creates {@code table} as the run starts */
    static String create(String table) {
        return switch (table) {
            case "T" -> "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B BIGINT, C INT, P DECIMAL(15, 2), "
                + "Q DECIMAL(15, 2), S VARCHAR, D DATE) WITH \"BACKUPS=1\"";
            case "U" -> "CREATE TABLE U (K INT PRIMARY KEY, W INT, A INT, S VARCHAR) WITH \"BACKUPS=1\"";
            default -> "CREATE TABLE W (ID INT PRIMARY KEY, A INT, B BIGINT, S VARCHAR)";
        };
    }

    /** @return the columns {@link #create} gives {@code table}, its key first */
    static List<Column> columns(String table) {
        return switch (table) {
            case "T" -> List.of(Column.of("ID", Kind.NUM), Column.of("A", Kind.NUM), Column.of("B", Kind.NUM),
                Column.of("C", Kind.NUM), Column.of("P", Kind.NUM), Column.of("Q", Kind.NUM), Column.of("S", Kind.STR),
                Column.of("D", Kind.DATE));
            case "U" -> List.of(Column.of("K", Kind.NUM), Column.of("W", Kind.NUM), Column.of("A", Kind.NUM),
                Column.of("S", Kind.STR));
            default -> List.of(Column.of("ID", Kind.NUM), Column.of("A", Kind.NUM), Column.of("B", Kind.NUM),
                Column.of("S", Kind.STR));
        };
    }

    /** @return INSERT statements that give {@code table} its first {@code rows} rows (keys 0 and up) */
    static List<String> load(String table, int rows, Random rnd) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows; i += 50) {
            StringBuilder values = new StringBuilder();
            for (int id = i; id < Math.min(rows, i + 50); id++)
                values.append(id == i ? "" : ", ").append(row(table, id, rnd));
            out.add("INSERT INTO " + table + " VALUES " + values);
        }
        return out;
    }

    /** @return a row literal of {@code table} with key {@code id}, nulls in about one value of ten */
    static String row(String table, int id, Random rnd) {
        List<Column> cols = columns(table);
        StringBuilder row = new StringBuilder("(").append(id);
        for (Column c : cols.subList(1, cols.size()))
            row.append(", ").append(rnd.nextInt(10) == 0 ? "NULL" : value(table, c.name(), rnd));
        return row.append(')').toString();
    }

    private static String value(String table, String column, Random rnd) {
        return switch (column) {
            case "A" -> String.valueOf(rnd.nextInt(2000) - 1000);
            case "B" -> String.valueOf(rnd.nextInt(100) - 30);
            case "C" -> String.valueOf(rnd.nextInt(600) - 300);
            case "W" -> String.valueOf(rnd.nextInt(40) - 20);
            case "P" -> new java.math.BigDecimal(rnd.nextInt(100000) - 20000).movePointLeft(2).toPlainString();
            case "Q" -> new java.math.BigDecimal(rnd.nextInt(11)).movePointLeft(2).toPlainString();
            case "S" -> "'s" + rnd.nextInt(4) + '\'';
            case "D" -> "DATE '" + LocalDate.of(2018, 1, 1).plusDays(rnd.nextInt(2000)) + '\'';
            default -> throw new IllegalArgumentException(table + '.' + column);
        };
    }
}
