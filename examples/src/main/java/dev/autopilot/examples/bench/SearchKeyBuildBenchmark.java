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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.examples.workload.LoadResult;
import dev.autopilot.examples.workload.TpchSchema;
import dev.autopilot.examples.workload.TpchStreamLoader;

/**
 * Why DECIMAL derived columns that an index keys on are stored as DOUBLE search keys: on plain Ignite, TPC-H LINEITEM
 * (scale 0.1 by default) gets {@code L_EXTENDEDPRICE * L_DISCOUNT} twice, as DECIMAL and as DOUBLE, and the same
 * online index is built on each in alternating rounds ({@code CREATE INDEX ... PARALLEL 2}, then dropped). Ignite 2.17
 * inlines DOUBLE keys in the index pages but not DECIMAL ones, whose every comparison reads the row. Writes
 * {@code target/bench/search_key_build.json} with {@code decimal_build_seconds}, {@code double_build_seconds} and
 * {@code decimal_to_double_ratio}.
 *
 * <p>Arguments (optional): {@code scale=0.1 rounds=3 nodes=2}.
 */
public final class SearchKeyBuildBenchmark {
    private static final String EXPRESSION = "L_EXTENDEDPRICE * L_DISCOUNT";

    private SearchKeyBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("scale", "0.1", "rounds", "3", "nodes", "2"));
        double scale = Double.parseDouble(a.get("scale"));
        int rounds = Integer.parseInt(a.get("rounds"));
        try (EmbeddedCluster cluster = EmbeddedCluster.start(Path.of("config", "autopilot-server.xml"),
            Integer.parseInt(a.get("nodes")), 47900, false);
             Connection c = DriverManager.getConnection(cluster.jdbcUrl(0));
             Statement s = c.createStatement()) {
            TpchSchema.create(c);
            LoadResult loaded = TpchStreamLoader.load(cluster.nodes().get(0), scale);
            System.out.printf(Locale.ROOT, "Loaded %,d line items in %.1f s.%n", loaded.lineItems(),
                loaded.elapsed().toMillis() / 1000.0);
            s.execute("ALTER TABLE LINEITEM ADD COLUMN EXACT_VALUE DECIMAL(32, 4)");
            s.execute("ALTER TABLE LINEITEM ADD COLUMN SEARCH_KEY DOUBLE");
            s.execute("UPDATE LINEITEM SET EXACT_VALUE = " + EXPRESSION + ", SEARCH_KEY = CAST(" + EXPRESSION
                + " AS DOUBLE)");

            double decimal = 0;
            double dbl = 0;
            for (int r = 1; r <= rounds; r++) {
                double d = build(s, "EXACT_VALUE");
                double k = build(s, "SEARCH_KEY");
                System.out.printf(Locale.ROOT, "round %d: DECIMAL %.1f s, DOUBLE %.1f s%n", r, d, k);
                decimal += d;
                dbl += k;
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("decimal_build_seconds", decimal / rounds);
            figures.put("double_build_seconds", dbl / rounds);
            figures.put("decimal_to_double_ratio", decimal / dbl);
            figures.put("rows", loaded.lineItems());
            System.out.printf(Locale.ROOT, "Index on %s over %,d rows: DECIMAL %.1f s, DOUBLE %.1f s (%.1fx)%n",
                EXPRESSION, loaded.lineItems(), decimal / rounds, dbl / rounds, decimal / dbl);
            System.out.println("written to " + BenchReport.write("search_key_build", figures));
        }
    }

    /** @return seconds to build an index on {@code column}, which is dropped again */
    private static double build(Statement s, String column) throws SQLException {
        long start = System.nanoTime();
        s.execute("CREATE INDEX IDX_" + column + " ON LINEITEM (" + column + ") PARALLEL 2");
        double seconds = (System.nanoTime() - start) / 1e9;
        s.execute("DROP INDEX IDX_" + column);
        return seconds;
    }
}
