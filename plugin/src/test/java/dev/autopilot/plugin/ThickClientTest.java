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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import dev.autopilot.testkit.NoAutopilotProvider;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.plugin.PluginProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24: a thick client plans its own SQL, so Autopilot on the client captures and rewrites it as a server would,
 * and a thick client without Autopilot, which would see the derived columns, is refused when it joins.
 */
class ThickClientTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final AutopilotConfiguration CFG = new AutopilotConfiguration().setStatisticsRefreshSeconds(0);
    private static final String FILTER = "SELECT COUNT(*) FROM T WHERE A * B = 12";

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, CFG);
        CLUSTER.sql("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT) WITH \"BACKUPS=1\"");
        CLUSTER.sql("INSERT INTO T (ID, A, B) VALUES " + IntStream.range(0, 50)
            .mapToObj(i -> "(" + i + ", " + i % 7 + ", " + i % 5 + ')').collect(Collectors.joining(", ")));
        AutopilotPlugin.of(CLUSTER.node(0)).adaptation().applyProfile("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
             "derived_attributes": [{"name": "AP_AB", "expression": "a * b"}],
             "composite_index": ["AP_AB"]}
            """);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void clientWithAutopilotHidesRewritesAndCaptures() {
        Ignite client = CLUSTER.start(CLUSTER.config(2, CFG).setClientMode(true));
        try {
            TestCluster.await("the client follows the layout",
                () -> AutopilotPlugin.of(client).adaptation().layouts().table("PUBLIC.T") != null);

            assertEquals(List.of("ID", "A", "B"), labels(client, "SELECT * FROM T"), "SELECT * on the client");
            assertEquals(CLUSTER.sql(FILTER), rows(client, FILTER), "the client's answer");
            String plan = String.valueOf(rows(client, "EXPLAIN PLAN FOR " + FILTER));
            assertTrue(plan.contains("index=[AP_IDX_AB"),
                () -> "the client's plan reads the derived column's index: " + plan);

            AutopilotPlugin.of(client).flushQueryLog();
            String template = FILTER.replace("12", "?");
            TestCluster.await("the client's statement in QUERY_TEMPLATES", () -> CLUSTER.sql(
                "SELECT COUNT(*) FROM AUTOPILOT.QUERY_TEMPLATES WHERE TEMPLATE = ?", template).get(0).get(0)
                .equals(1L));
        }
        finally {
            CLUSTER.stop(client);
        }
    }

    @Test
    void clientWithoutAutopilotIsRefused() {
        IgniteException e = assertThrows(IgniteException.class, () -> CLUSTER.start(CLUSTER.bareConfig(3)
            .setClientMode(true).setPluginProviders(new PluginProvider[] {new NoAutopilotProvider()})));

        String chain = causes(e);
        assertTrue(chain.contains("Thick client without the Autopilot plugin cannot join"), chain);
        assertEquals(2, CLUSTER.node(0).cluster().nodes().size(), "only the servers are in the topology");
    }

    private static List<String> labels(Ignite node, String sql) {
        try (FieldsQueryCursor<List<?>> cur = cache(node).query(new SqlFieldsQuery(sql).setSchema("PUBLIC"))) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < cur.getColumnsCount(); i++)
                out.add(cur.getFieldName(i));
            return out;
        }
    }

    private static List<List<?>> rows(Ignite node, String sql) {
        return cache(node).query(new SqlFieldsQuery(sql).setSchema("PUBLIC")).getAll();
    }

    private static IgniteCache<?, ?> cache(Ignite node) {
        return node.cache("SQL_PUBLIC_T");
    }

    private static String causes(Throwable e) {
        return Stream.iterate(e, t -> t != null, Throwable::getCause).map(String::valueOf)
            .collect(Collectors.joining(" <- "));
    }
}
