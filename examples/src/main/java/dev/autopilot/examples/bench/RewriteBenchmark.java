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

package dev.autopilot.examples.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.examples.workload.LoadResult;
import dev.autopilot.examples.workload.TpchSchema;
import dev.autopilot.examples.workload.TpchStreamLoader;
import dev.autopilot.plugin.AutopilotPlugin;

/**
 * What the rewriter buys. On TPC-H LINEITEM (scale 0.1 by default), a profile adds the derived column
 * {@code L_EXTENDEDPRICE * L_DISCOUNT} with an index; then the same selective range query on that expression runs in
 * alternating rounds as written by the client (rewritten to the indexed column) and marked
 * {@link AutopilotPlugin#NO_REWRITE} (planned as written: a scan). Prints both latencies and their ratio, and writes
 * {@code target/bench/rewrite.json} with {@code selective_speedup}. What the rewriter costs per statement is
 * {@link QueryCostBenchmark}'s {@code rewrite} (JMH).
 *
 * <p>Arguments (optional): {@code scale=0.1 rounds=5 queriesPerRound=20 nodes=2 width=0.01}; {@code width} is the
 * width of each range. Most ranges match tens of rows; one that starts at 0 (no discount, about a tenth of the
 * table) matches tens of thousands, so the mean of matching rows printed is far above the typical range's.
 */
public final class RewriteBenchmark {
    private static final String QUERY = "SELECT COUNT(*), SUM(L_QUANTITY) FROM LINEITEM "
        + "WHERE L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ? AND ?";

    private static final String PROFILE = """
        {"partition_id": "LINEITEM", "table": "PUBLIC.LINEITEM", "version": 1,
         "derived_attributes": [{"name": "AP_DISC_PRICE", "expression": "L_EXTENDEDPRICE * L_DISCOUNT"}],
         "indexes": [{"name": "AP_IDX_DISC_PRICE", "columns": ["AP_DISC_PRICE"]}]}
        """;

    private RewriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("scale", "0.1", "rounds", "5", "queriesPerRound", "20",
            "nodes", "2", "width", "0.01"));
        double scale = Double.parseDouble(a.get("scale"));
        int rounds = Integer.parseInt(a.get("rounds"));
        int perRound = Integer.parseInt(a.get("queriesPerRound"));

        try (EmbeddedCluster cluster = EmbeddedCluster.start(Path.of("config", "autopilot-server.xml"),
            Integer.parseInt(a.get("nodes")), 47800, true)) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0))) {
                TpchSchema.create(c);
            }
            LoadResult loaded = TpchStreamLoader.load(cluster.nodes().get(0), scale);
            System.out.printf(Locale.ROOT, "Loaded %,d line items in %.1f s.%n", loaded.lineItems(),
                loaded.elapsed().toMillis() / 1000.0);

            AutopilotPlugin plugin = AutopilotPlugin.of(cluster.nodes().get(0));
            long applyStart = System.nanoTime();
            plugin.adaptation().applyProfile(PROFILE);
            System.out.printf(Locale.ROOT, "Profile applied (column filled, index built) in %.1f s.%n",
                (System.nanoTime() - applyStart) / 1e9);

            List<double[]> ranges = selectiveRanges(cluster.jdbcUrl(0), rounds * perRound,
                Double.parseDouble(a.get("width")));
            double rewrittenMs;
            double originalMs;
            long rows;
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(1))) {
                run(c, QUERY, ranges.subList(0, 3));
                run(c, AutopilotPlugin.NO_REWRITE + ' ' + QUERY, ranges.subList(0, 3));
                double rewrittenTotal = 0;
                double originalTotal = 0;
                rows = 0;
                for (int r = 0; r < rounds; r++) {
                    List<double[]> batch = ranges.subList(r * perRound, (r + 1) * perRound);
                    Timed on = run(c, QUERY, batch);
                    Timed off = run(c, AutopilotPlugin.NO_REWRITE + ' ' + QUERY, batch);
                    if (on.rows != off.rows)
                        throw new IllegalStateException("Rewritten and original queries disagree: " + on.rows
                            + " vs " + off.rows + " matching rows");
                    rewrittenTotal += on.millis;
                    originalTotal += off.millis;
                    rows += on.rows;
                }
                rewrittenMs = rewrittenTotal / (rounds * perRound);
                originalMs = originalTotal / (rounds * perRound);
            }
            double speedup = originalMs / rewrittenMs;
            System.out.printf(Locale.ROOT, "selective range on L_EXTENDEDPRICE * L_DISCOUNT (%.2f matching rows on "
                + "average):%n  as written (scan): %.2f ms%n  rewritten (index): %.2f ms%n  speedup: %.1fx%n",
                rows / (double)(rounds * perRound), originalMs, rewrittenMs, speedup);
            Path file = BenchReport.write("rewrite", Map.of("selective_speedup", round(speedup),
                "original_ms", round(originalMs), "rewritten_ms", round(rewrittenMs),
                "matching_rows", round(rows / (double)(rounds * perRound)), "scale", scale,
                "width", Double.parseDouble(a.get("width"))));
            System.out.println("Wrote " + file);
        }
    }

    /** @return ranges {@code width} wide starting at values sampled from the data */
    private static List<double[]> selectiveRanges(String jdbcUrl, int count, double width) throws SQLException {
        List<double[]> out = new ArrayList<>();
        Random rnd = new Random(42);
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement ps = c.prepareStatement(AutopilotPlugin.NO_REWRITE
                 + " SELECT L_EXTENDEDPRICE * L_DISCOUNT FROM LINEITEM WHERE L_ORDERKEY = ?")) {
            while (out.size() < count) {
                ps.setLong(1, 1 + rnd.nextInt(1000) * 32L);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        double v = rs.getDouble(1);
                        out.add(new double[] {v, v + width});
                    }
                }
            }
        }
        return out;
    }

    /** Total client time and matching rows of a batch. */
    private record Timed(double millis, long rows) {
    }

    private static Timed run(Connection c, String sql, List<double[]> ranges) throws SQLException {
        long rows = 0;
        long start = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (double[] r : ranges) {
                ps.setBigDecimal(1, java.math.BigDecimal.valueOf(r[0]));
                ps.setBigDecimal(2, java.math.BigDecimal.valueOf(r[1]));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return new Timed((System.nanoTime() - start) / 1e6, rows);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
