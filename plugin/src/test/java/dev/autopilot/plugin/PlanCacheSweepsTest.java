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

import java.util.List;
import dev.autopilot.sql.internal.PlanCacheSweeps;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.query.calcite.CalciteQueryProcessor;
import org.apache.ignite.internal.processors.query.calcite.prepare.CacheKey;
import org.apache.ignite.internal.processors.query.calcite.prepare.QueryPlan;
import org.apache.ignite.internal.processors.query.calcite.prepare.QueryPlanCache;
import org.apache.ignite.internal.processors.query.calcite.util.Commons;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement parsed just before a change of what the rewriter does stores its plan after the change's first clear of
 * the plan cache: the test puts such a plan, one made without the rewrite, into the cache right after a change, as
 * Ignite would, and sees the statement served by it first and rewritten again once the second clear has run.
 */
class PlanCacheSweepsTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final String QUERY = "SELECT ID FROM T WHERE A * B = ?";
    private static final Object[] ARGS = {12};

    /** The context key Ignite gives a plain {@link SqlFieldsQuery}: not local, join order free, no transaction. */
    private static final List<Boolean> CONTEXT_KEY = List.of(false, false, true);

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(1, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        sql("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT)");
        for (int i = 0; i < 200; i++)
            sql("INSERT INTO T (ID, A, B) VALUES (?, ?, ?)", i, i % 20, i % 13);
        AutopilotPlugin.of(CLUSTER.node(0)).adaptation().applyProfile("""
            {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
             "derived_attributes": [{"name": "AP_AB", "expression": "a * b"}],
             "indexes": [{"name": "AP_IDX_AB", "columns": ["AP_AB"]}]}
            """);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void aPlanStoredForTheLayoutsBeforeAChangeIsForgottenASecondLater() throws InterruptedException {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        List<List<?>> expected = sql(QUERY, ARGS);
        assertTrue(plugin.rewriting().rewrittenStatements() > 0, "the query is rewritten to the derived column");
        QueryPlan unrewritten = planOf(AutopilotPlugin.NO_REWRITE + ' ' + QUERY);

        long servedByStalePlan = -1;
        for (int attempt = 0; attempt < 3 && servedByStalePlan < 0; attempt++) {
            long changed = System.nanoTime();
            plugin.rewriting().setRewriting(true);
            plans().queryPlan(new CacheKey("PUBLIC", QUERY, CONTEXT_KEY, ARGS), () -> unrewritten);
            long before = plugin.rewriting().rewrittenStatements();
            assertEquals(expected, sql(QUERY, ARGS));
            boolean inTime = (System.nanoTime() - changed) / 1_000_000 < PlanCacheSweeps.SECOND_CLEAR_MILLIS / 2;
            if (inTime && plugin.rewriting().rewrittenStatements() == before)
                servedByStalePlan = before;
        }
        assertTrue(servedByStalePlan >= 0, "the plan put into the cache serves the query until the next clear");

        long deadline = System.currentTimeMillis() + 5 * PlanCacheSweeps.SECOND_CLEAR_MILLIS;
        while (plugin.rewriting().rewrittenStatements() == servedByStalePlan && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            assertEquals(expected, sql(QUERY, ARGS));
        }
        assertTrue(plugin.rewriting().rewrittenStatements() > servedByStalePlan,
            "the query is parsed and rewritten again once the stale plan is forgotten");
    }

    /** @return the plan the node cached for {@code sql} run with {@link #ARGS}, after running it */
    private static QueryPlan planOf(String sql) {
        sql(sql, ARGS);
        QueryPlan plan = plans().queryPlan(new CacheKey("PUBLIC", sql, CONTEXT_KEY, ARGS));
        assertNotNull(plan, "Ignite cached the plan of " + sql);
        return plan;
    }

    private static QueryPlanCache plans() {
        Ignite node = CLUSTER.node(0);
        return Commons.lookupComponent(((IgniteEx)node).context(), CalciteQueryProcessor.class).queryPlanCache();
    }

    private static List<List<?>> sql(String sql, Object... args) {
        return CLUSTER.node(0).cache("autopilot_table_stats").query(new SqlFieldsQuery(sql).setSchema("PUBLIC")
            .setArgs(args)).getAll();
    }
}
