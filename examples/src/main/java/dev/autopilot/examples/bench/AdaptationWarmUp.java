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

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.plugin.AutopilotPlugin;

/**
 * Runs Autopilot's machinery once before the workload, on ORDERS, which no phase reads: one adaptation (columns added
 * and filled, indexes built, cut over), queries of the phases' kinds through every node, rewritten and then as full
 * scans once the structures are removed again, so that the cluster starts the workload like the static one. ORDERS
 * stays pinned, so that the manager does not adapt it to these queries. The hand-tuned cluster runs the same
 * adaptation code in its own set-up, and a cluster that has been running has run all of it before; without it,
 * phase 1 is the first run of that code in a fresh JVM, whose compiler then competes with the readers for the two
 * cores: a LINEITEM fill under two scanning readers took 62 s cold and 45 s after the adaptation alone, and the
 * manager found phase 1's first window without a finished query.
 */
final class AdaptationWarmUp {
    static final String TABLE = "PUBLIC.ORDERS";

    /** Columns and indexes of the kinds the phases' adaptations add: products, sums and buckets. */
    private static final String PROFILE = """
        {"partition_id": "ORDERS", "table": "PUBLIC.ORDERS", "version": 1,
         "derived_attributes": [{"name": "AP_WARM_PRICE_TWICE", "expression": "O_TOTALPRICE * 2"},
                                {"name": "AP_WARM_PRICE_BUCKET", "expression": "FLOOR(O_TOTALPRICE / 1000)"}],
         "indexes": [{"name": "AP_WARM_IDX_PRICE_TWICE", "columns": ["AP_WARM_PRICE_TWICE"]},
                     {"name": "AP_WARM_IDX_PRICE_BUCKET", "columns": ["AP_WARM_PRICE_BUCKET", "O_ORDERSTATUS"]}]}
        """;

    /** An expression filter, a bucket aggregate and a multi-column filter, with parameters each run varies. */
    private static final List<String> QUERIES = List.of(
        "SELECT O_ORDERKEY, O_TOTALPRICE FROM ORDERS WHERE O_TOTALPRICE * 2 BETWEEN ? AND ?",
        "SELECT O_ORDERPRIORITY, COUNT(*), AVG(O_TOTALPRICE) FROM ORDERS "
            + "WHERE FLOOR(O_TOTALPRICE / 1000) = ? AND O_ORDERSTATUS = 'F' GROUP BY O_ORDERPRIORITY",
        "SELECT COUNT(*) FROM ORDERS WHERE O_ORDERSTATUS = 'O' AND O_SHIPPRIORITY = 0 AND O_TOTALPRICE > ?");

    private static final int RUNS_PER_QUERY = 5;

    private static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private AdaptationWarmUp() {
    }

    /** Adapts ORDERS, queries it through every node, removes what the adaptation added and queries it again. */
    static void run(EmbeddedCluster cluster) throws SQLException {
        AutopilotPlugin plugin = AutopilotPlugin.of(cluster.nodes().get(0));
        adapt(plugin);
        plugin.adaptation().pin(TABLE, "the drift benchmark's warm-up reads it; no phase does");
        ReadWarmUp.readThroughEveryNode(cluster, QUERIES, RUNS_PER_QUERY);
        plugin.adaptation().removeStructures(TABLE);
        ReadWarmUp.readThroughEveryNode(cluster, QUERIES, RUNS_PER_QUERY);
    }

    private static void adapt(AutopilotPlugin plugin) {
        String id = plugin.adaptation().requestAdaptation(PROFILE);
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        Adaptation a = AdaptationProgress.byId(plugin, id);
        while (!a.step().finished()) {
            if (System.currentTimeMillis() > deadline)
                throw new IllegalStateException("The warm-up adaptation of " + TABLE + " did not finish in 5 min");
            sleep();
            a = AdaptationProgress.byId(plugin, id);
        }
        if (!Adaptation.COMPLETED.equals(a.outcome()))
            throw new IllegalStateException("The warm-up adaptation of " + TABLE + " ended " + a.outcome() + ": "
                + a.reason());
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the warm-up", e);
        }
    }
}
