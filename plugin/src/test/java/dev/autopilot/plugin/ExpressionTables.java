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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.SqlFieldsQuery;

/**
 * Tables whose reads filter on an expression ({@code A * B = ?}) and scan every row without Autopilot: slow enough on
 * a few thousand rows for the adaptation manager to act on, and readers that keep them busy over JDBC.
 */
final class ExpressionTables {
    private ExpressionTables() {
    }

    /** Creates {@code PUBLIC.<table> (ID, A, B, V)} with {@code rows} rows, streamed in. */
    static void create(Ignite node, String table, int rows) {
        sql(node, "CREATE TABLE " + table + " (ID INT PRIMARY KEY, A INT, B INT, V BIGINT)");
        String valueType = (String)sql(node, "SELECT VALUE_TYPE_NAME FROM SYS.TABLES WHERE TABLE_NAME = '" + table
            + "'").get(0).get(0);
        try (IgniteDataStreamer<Object, BinaryObject> streamer = node.dataStreamer("SQL_PUBLIC_" + table)) {
            streamer.keepBinary(true);
            for (int id = 0; id < rows; id++) {
                streamer.addData(id, node.binary().builder(valueType).setField("A", id % 97).setField("B", id % 89)
                    .setField("V", (long)id).build());
            }
        }
    }

    /** @return a thread that counts rows of {@code table} by {@code A * B} over JDBC while {@code running} */
    static Thread reader(String jdbcUrl, String table, AtomicBoolean running, AtomicReference<Throwable> failure) {
        return reader(jdbcUrl, table, "A * B", running, failure);
    }

    /** @return a thread that counts rows of {@code table} by {@code expression} over JDBC while {@code running} */
    static Thread reader(String jdbcUrl, String table, String expression, AtomicBoolean running,
        AtomicReference<Throwable> failure) {
        return new Thread(() -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl);
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + expression
                     + " = ?")) {
                for (int i = 0; running.get(); i++) {
                    ps.setInt(1, (i % 50) * 6);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                    catch (SQLException e) {
                        if (!indexDropRace(e))
                            throw e;
                    }
                }
            }
            catch (SQLException | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }, "reader-" + table);
    }

    /**
     * Ignite 2.17's planner fails a query it plans while an index it considers is dropped (docs/known-limits.md,
     * "Ignite's column-change race"): a client sees the error and runs the query again, as this reader does.
     */
    private static boolean indexDropRace(SQLException e) {
        return String.valueOf(e.getMessage()).contains("LogicalIndexScanConverterRule");
    }

    static List<List<?>> sql(Ignite node, String sql) {
        return node.cache("autopilot_table_access").query(new SqlFieldsQuery(sql).setSchema("PUBLIC")).getAll();
    }
}
