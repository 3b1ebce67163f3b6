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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one statement did on one cluster, in the terms the two clusters are compared in: column labels and types
 * (with precision and scale), rows as text (a DECIMAL prints its scale, a DOUBLE every bit), the update count of DML,
 * or the error.
 *
 * @param columns {@code label:type(precision,scale)} per column
 * @param rows each row's values, {@code |}-separated
 * @param updateCount rows a DML statement changed, -1 for a query
 * @param error the error's message, or {@code null}
 */
record Outcome(List<String> columns, List<String> rows, long updateCount, String error) {
    static Outcome of(Connection c, String sql) {
        try (java.sql.Statement st = c.createStatement()) {
            if (!st.execute(sql))
                return new Outcome(List.of(), List.of(), st.getUpdateCount(), null);
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i) + ':' + md.getColumnTypeName(i) + '(' + md.getPrecision(i) + ','
                        + md.getScale(i) + ')');
                }
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++)
                        row.append(rs.getObject(i)).append('|');
                    rows.add(row.toString());
                }
                return new Outcome(columns, rows, -1, null);
            }
        }
        catch (SQLException e) {
            return new Outcome(List.of(), List.of(), -1, String.valueOf(e.getMessage()));
        }
    }

    boolean failed() {
        return error != null;
    }

    /** @return whether Ignite cancelled it: killed, or its planner ran out of time (and so it changed nothing) */
    boolean cancelled() {
        return failed() && error.contains("cancelled");
    }

    /** @return whether both failed, or both gave the same columns, update count and rows (multisets unless ordered) */
    boolean matches(Outcome other, boolean ordered) {
        if (failed() || other.failed())
            return failed() && other.failed();
        if (!columns.equals(other.columns) || updateCount != other.updateCount)
            return false;
        return ordered ? rows.equals(other.rows)
            : rows.stream().sorted().toList().equals(other.rows.stream().sorted().toList());
    }

    @Override public String toString() {
        if (failed())
            return "error: " + error.lines().findFirst().orElse("");
        if (updateCount >= 0)
            return "updated " + updateCount;
        return columns + ", " + rows.size() + " rows " + rows.subList(0, Math.min(8, rows.size()));
    }
}
