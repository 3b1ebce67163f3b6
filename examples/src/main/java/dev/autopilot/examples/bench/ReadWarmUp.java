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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.plugin.AutopilotPlugin;

/**
 * Reads LINEITEM through every node before the workload, in every configuration, with full scans no phase runs and
 * nothing could serve (filters on a leading-wildcard pattern), so that no configuration starts phase 1 in a JVM that
 * has never scanned the table: cold, the first scans of phase 1 took about 3.7 s against about 1 s once warm, and
 * the Autopilot manager found phase 1's first window without a finished query. In the Autopilot cluster the table is
 * pinned while these queries run and until the manager has judged their last window, so that they never lead to an
 * adaptation.
 */
final class ReadWarmUp {
    private static final String TABLE = "PUBLIC.LINEITEM";

    private static final List<String> QUERIES = List.of(
        "SELECT COUNT(*), SUM(L_QUANTITY) FROM LINEITEM WHERE L_COMMENT LIKE '%special%'",
        "SELECT L_ORDERKEY, L_LINENUMBER, L_EXTENDEDPRICE FROM LINEITEM WHERE L_COMMENT LIKE '%ironic pinto%'");

    private static final int RUNS_PER_QUERY = 3;

    private ReadWarmUp() {
    }

    /** Runs the warm-up reads on {@code cluster}, whose node 0 runs Autopilot when {@code autopilot}. */
    static void run(EmbeddedCluster cluster, boolean autopilot) throws SQLException, InterruptedException {
        AutopilotPlugin plugin = autopilot ? AutopilotPlugin.of(cluster.nodes().get(0)) : null;
        if (plugin != null)
            plugin.adaptation().pin(TABLE, "the drift benchmark's warm-up reads it");
        readThroughEveryNode(cluster, QUERIES, RUNS_PER_QUERY);
        if (plugin != null) {
            long windowMillis = TimeUnit.SECONDS.toMillis(plugin.configuration().getWindowSeconds());
            TimeUnit.MILLISECONDS.sleep(windowMillis + plugin.publishDelayMillis() + 1_000);
            plugin.adaptation().unpin(TABLE);
        }
    }

    /**
     * Runs each query {@code runs} times through the JDBC connection of every node, reading every row, as the readers
     * do; a query's n-th parameter is 100 + 20,000 (run) + 200 (n - 1).
     */
    static void readThroughEveryNode(EmbeddedCluster cluster, List<String> queries, int runs) throws SQLException {
        for (int node = 0; node < cluster.nodes().size(); node++) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(node))) {
                for (String sql : queries) {
                    long parameters = sql.chars().filter(ch -> ch == '?').count();
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int run = 0; run < runs; run++) {
                            for (int p = 0; p < parameters; p++)
                                ps.setBigDecimal(p + 1, BigDecimal.valueOf(100 + 20_000L * run + 200L * p));
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    // Every row is read.
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
