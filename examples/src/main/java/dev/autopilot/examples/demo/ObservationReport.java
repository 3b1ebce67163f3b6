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

package dev.autopilot.examples.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what Autopilot observed in a span of time, and the schema profiles it proposes, read the way any user would
 * read them: SQL over JDBC on the {@code AUTOPILOT} tables. Only windows that lie wholly inside the span are counted, so each phase of a drifting
 * workload is reported on its own.
 */
final class ObservationReport {
    private static final String TOP_TEMPLATES = "SELECT t.TEMPLATE, SUM(s.EXECUTIONS) AS EXECS, "
        + "SUM(s.MEAN_LATENCY_MS * s.EXECUTIONS) / SUM(s.EXECUTIONS) AS MEAN_MS, MAX(s.P95_LATENCY_MS) AS P95_MS "
        + "FROM AUTOPILOT.TEMPLATE_STATS s JOIN AUTOPILOT.QUERY_TEMPLATES t ON t.TEMPLATE_ID = s.TEMPLATE_ID "
        + "WHERE s.WINDOW_START >= ? AND s.WINDOW_START < ? "
        + "GROUP BY t.TEMPLATE ORDER BY EXECS DESC LIMIT 5";

    private static final String HOT_PREDICATES = "SELECT p.TABLE_NAME, p.EXPRESSION, p.OPERATOR, "
        + "SUM(s.EXECUTIONS) AS EXECS FROM AUTOPILOT.TEMPLATE_STATS s "
        + "JOIN AUTOPILOT.TEMPLATE_PREDICATES p ON p.TEMPLATE_ID = s.TEMPLATE_ID "
        + "WHERE s.WINDOW_START >= ? AND s.WINDOW_START < ? AND p.DISJUNCTIVE = FALSE "
        + "GROUP BY p.TABLE_NAME, p.EXPRESSION, p.OPERATOR ORDER BY EXECS DESC LIMIT 8";

    private static final String TABLE_ACCESS = "SELECT a.TABLE_NAME, SUM(a.READS), SUM(a.WRITES) "
        + "FROM AUTOPILOT.TABLE_ACCESS a WHERE a.WINDOW_START >= ? AND a.WINDOW_START < ? "
        + "GROUP BY a.TABLE_NAME ORDER BY a.TABLE_NAME";

    private static final String TABLE_STATS = "SELECT TABLE_NAME, ROWS, SIZE_BYTES, SAMPLED_ROWS "
        + "FROM AUTOPILOT.TABLE_STATS ORDER BY TABLE_NAME";

    private static final String COLUMN_STATS = "SELECT COLUMN_NAME, DISTINCT_COUNT, NULL_COUNT, MIN_VALUE, "
        + "MAX_VALUE, BUCKETS FROM AUTOPILOT.COLUMN_STATS WHERE TABLE_NAME = ? AND COLUMN_NAME = ?";

    private static final String PROFILES = "SELECT TABLE_NAME, DERIVED_ATTRIBUTES, INDEXES, NET_GAIN, QUERIES "
        + "FROM AUTOPILOT.SCHEMA_PROFILES ORDER BY TABLE_NAME";

    private final String jdbcUrl;
    private final long windowMillis;
    private final PrintStream out;

    ObservationReport(String jdbcUrl, long windowMillis, PrintStream out) {
        this.jdbcUrl = jdbcUrl;
        this.windowMillis = windowMillis;
        this.out = out;
    }

    /** Prints the templates, predicates and tables Autopilot saw between {@code fromMillis} and {@code toMillis}. */
    void print(long fromMillis, long toMillis) throws SQLException {
        long first = ceilToWindow(fromMillis);
        long end = toMillis - Math.floorMod(toMillis, windowMillis);
        if (end <= first) {
            first = fromMillis - Math.floorMod(fromMillis, windowMillis);
            end = toMillis;
        }
        Timestamp from = new Timestamp(first);
        Timestamp to = new Timestamp(end);

        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            out.printf("  Autopilot observed, windows %s .. %s:%n", from.toLocalDateTime().toLocalTime(),
                to.toLocalDateTime().toLocalTime());

            out.printf("    %-8s %9s %9s  %s%n", "execs", "mean ms", "p95 ms", "top templates");
            for (List<Object> r : rows(c, TOP_TEMPLATES, from, to)) {
                out.printf("    %-8d %9.2f %9.2f  %s%n", num(r.get(1)), dbl(r.get(2)), dbl(r.get(3)),
                    abbreviate((String)r.get(0), 110));
            }

            out.printf("    %-8s %-16s %-5s %s%n", "execs", "table", "op", "hot predicates");
            List<List<Object>> hot = rows(c, HOT_PREDICATES, from, to);
            for (List<Object> r : hot)
                out.printf("    %-8d %-16s %-5s %s%n", num(r.get(3)), r.get(0), r.get(2), r.get(1));

            out.printf("    %-16s %10s %10s %12s %10s%n", "table", "reads", "writes", "rows", "size");
            List<List<Object>> sizes = rows(c, TABLE_STATS);
            for (List<Object> r : rows(c, TABLE_ACCESS, from, to)) {
                List<Object> size = sizes.stream().filter(s -> s.get(0).equals(r.get(0))).findFirst().orElse(null);
                out.printf("    %-16s %10d %10d %12s %10s%n", r.get(0), num(r.get(1)), num(r.get(2)),
                    size == null ? "-" : String.format("%,d", num(size.get(1))),
                    size == null ? "-" : megabytes(num(size.get(2))));
            }

            for (List<Object> r : rows(c, PROFILES)) {
                out.printf("    schema profile %s (from %d statements of the last window, net gain %.0f rows/s):%n",
                    r.get(0), num(r.get(4)), dbl(r.get(3)));
                out.printf("      derived: %s%n      indexes: %s%n", orNone(r.get(1)), orNone(r.get(2)));
            }

            for (List<Object> r : hot.stream().map(h -> List.of(h.get(0), h.get(1))).distinct().toList()) {
                for (List<Object> s : rows(c, COLUMN_STATS, r.get(0), r.get(1))) {
                    out.printf("    column %s.%s: ~%,d distinct, %,d nulls, %s .. %s, %d-bucket equi-depth histogram%n",
                        r.get(0), s.get(0), num(s.get(1)), num(s.get(2)), s.get(3), s.get(4), num(s.get(5)));
                }
            }
        }
    }

    private long ceilToWindow(long millis) {
        long floor = millis - Math.floorMod(millis, windowMillis);
        return floor == millis ? floor : floor + windowMillis;
    }

    private static List<List<Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++)
                ps.setObject(i + 1, args[i]);
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++)
                        row.add(rs.getObject(i));
                    out.add(row);
                }
            }
            return out;
        }
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number)o).longValue();
    }

    private static double dbl(Object o) {
        return o == null ? 0 : ((Number)o).doubleValue();
    }

    private static String orNone(Object o) {
        return o == null || o.toString().isEmpty() ? "none" : o.toString();
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }

    private static String abbreviate(String s, int max) {
        String line = s.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }
}
