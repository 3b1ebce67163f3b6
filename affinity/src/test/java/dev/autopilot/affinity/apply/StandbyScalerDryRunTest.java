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

package dev.autopilot.affinity.apply;

import java.util.Arrays;
import java.util.List;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.affinity.plan.PlannerSettings;
import dev.autopilot.affinity.plan.RendezvousPlacement;
import dev.autopilot.testkit.IgniteTestCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.tables.AutopilotTables.PLAN_CHANGES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dry run on 3 nodes and a standby: the scaler records the add it would make before a predicted spike and the removal
 * after it, and changes nothing (no baseline change, no plan published). A cache created later with the same plan
 * name gets the plan of the node set in force at its creation.
 */
class StandbyScalerDryRunTest {
    private static final int PARTS = 32;
    private static final String CACHE = "dry";

    @Test
    void recordsWhatItWouldDoAndChangesNothing() throws Exception {
        try (IgniteTestCluster cluster = new IgniteTestCluster()) {
            List<String> three = Assignments.startPlannedBaseline(cluster, CACHE, PARTS);
            Ignite first = cluster.node(0);
            Placement planOfThree = RendezvousPlacement.place(PARTS, three, 1);
            first.getOrCreateCache(PLAN_CHANGES.cacheConfiguration(0));
            cluster.startNode(3);
            for (int k = 0; k < 1_000; k++)
                first.<Integer, Long>cache(CACHE).put(k, (long)k);

            BaselinePlanExecutor executor = new BaselinePlanExecutor(first, CACHE, CACHE, 30_000);
            StandbyScaler scaler = new StandbyScaler(CACHE, StandbyScaler.Mode.DRY_RUN, executor,
                new ScaleDecider(100, 3, 4, 500), new RebalanceEstimator(800, 20_000), new PlanChangeLog(first),
                new PlannerSettings().setMaxMovesPerStep(PARTS), 1.1, id -> {
                    throw new AssertionError("a dry run stopped node " + id);
                });
            double[] share = new double[PARTS];
            Arrays.fill(share, 1.0 / PARTS);

            long now = 1_000_000;
            PlanChangeRecord add = scaler.step(now, new LoadOutlook(now + 1_000, 1_000,
                new double[] {350, 380, 290, 250}), share).orElseThrow();
            assertEquals(ScaleDecider.Action.ADD, add.action());
            assertEquals("DRY_RUN", add.outcome());
            assertTrue(add.moved().size() > 0, "the plan it would publish moves partitions to the standby node");
            assertEquals(4, scaler.nodes().size(), "on paper, the node set has grown");
            scaler.observe(now + 1_000, 366);
            assertTrue(scaler.step(now + 1_000, new LoadOutlook(now + 2_000, 1_000,
                new double[] {380, 290, 250, 200}), share).isEmpty(), "the peak needs the fourth node");
            PlanChangeRecord remove = scaler.step(now + 5_000, new LoadOutlook(now + 6_000, 1_000,
                new double[] {290, 250, 200, 150}), share).orElseThrow();
            assertEquals(ScaleDecider.Action.REMOVE, remove.action());

            assertEquals(three, executor.baseline(), "the baseline did not change");
            assertTrue(executor.storedPlan(add.nodesAfter()).isEmpty(), "no plan was published for four nodes");
            Assignments.assertOnEveryNode(cluster.nodes(), CACHE, Assignments.rows(planOfThree), "dry run");

            List<List<?>> rows = first.cache(PLAN_CHANGES.cacheName()).query(new SqlFieldsQuery(
                "SELECT ACTION, MODE, OUTCOME, PREDICTED_LOAD, ACTUAL_LOAD FROM AUTOPILOT.PLAN_CHANGES "
                    + "ORDER BY DECIDED_AT")).getAll();
            assertEquals(List.of(List.of("ADD", "DRY_RUN", "DRY_RUN", 350.0, 366.0)), rows.subList(0, 1));
            assertEquals(List.of("REMOVE", "DRY_RUN", "DRY_RUN"), rows.get(1).subList(0, 3));

            first.getOrCreateCache(Assignments.cacheConfig("later", Assignments.function(PARTS, CACHE)));
            Assignments.assertOnEveryNode(cluster.nodes(), "later", Assignments.rows(planOfThree),
                "a cache created later follows the plan in force");
        }
    }
}
