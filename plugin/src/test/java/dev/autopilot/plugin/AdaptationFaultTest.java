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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import org.apache.ignite.Ignite;
import org.apache.ignite.services.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.autopilot.plugin.AdaptationWorkload.PROFILE;
import static dev.autopilot.plugin.AdaptationWorkload.TABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node running the Partition Adaptation Manager dies in the middle of an adaptation, again and again, at a random
 * step (before the columns, during the fill, around the cut-over) while writers run: each time the manager restarted
 * elsewhere finishes the adaptation or rolls it back, no row or write is lost, and queries over the expressions return
 * the same rows with and without rewriting.
 */
class AdaptationFaultTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final AutopilotConfiguration CFG = new AutopilotConfiguration().setStatisticsRefreshSeconds(0)
        .setFillBatchSize(100).setAdaptation(new AdaptationConfiguration().setWatchWindows(0)
            .setFillLatencyRatio(0).setFillNiceRatio(0));
    private static final int ROWS = 3000;
    private static final int TARGET_ADAPTATIONS = 20;
    private static final long BUDGET_MILLIS = 110_000;

    /** The steps at which the manager's node is stopped, at the first moment the record shows it or a later step. */
    private static final AdaptationStep[] KILL_AT = {AdaptationStep.PLANNED, AdaptationStep.COLUMNS_ADDED,
        AdaptationStep.FILLING, AdaptationStep.FILLING, AdaptationStep.FILLED, AdaptationStep.INDEXED};

    private static AdaptationWorkload workload;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(3, CFG);
        workload = new AdaptationWorkload(CLUSTER.node(0), ROWS, CLUSTER.clientAddress(0), CLUSTER.clientAddress(1),
            CLUSTER.clientAddress(2));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (workload != null)
            workload.close();
        CLUSTER.close();
    }

    @Test
    void everyAdaptationWhoseManagerDiesIsFinishedOrRolledBackWithNoRowLostAndNoWrongResult() throws Exception {
        workload.start();
        TestCluster.await("writers running", () -> workload.writes() > 100);
        long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
        int adaptations = 0;
        int completed = 0;
        int rolledBack = 0;
        int wrong = 0;
        List<String> leftovers = new ArrayList<>();
        while (adaptations < TARGET_ADAPTATIONS && System.currentTimeMillis() < deadline) {
            AdaptationStep killAt = KILL_AT[adaptations % KILL_AT.length];
            String id = live().adaptation().requestAdaptation(PROFILE);
            adaptations++;
            awaitStep(id, killAt);
            Ignite victim = managerNode();
            Adaptation atStop = record(id);
            int index = CLUSTER.index(victim);
            CLUSTER.stop(victim);
            CLUSTER.start(CLUSTER.config(index, CFG));

            Adaptation a = AdaptationManagerTest.awaitFinished(live(), id);
            System.out.println("adaptation " + adaptations + ": manager stopped at " + atStop.step() + " (partition "
                + atStop.nextPartition() + "), " + a.step() + (atStop.owner() != null && !atStop.owner().equals(a.owner())
                ? " by the next manager" : "") + (a.reason() == null ? "" : " (" + a.reason() + ')'));
            wrong += workload.quiet(() -> AdaptationWorkload.wrongResults(CLUSTER.node(0)));
            if (a.step() == AdaptationStep.DONE) {
                completed++;
                wrong += AdaptationWorkload.wrongDerived(CLUSTER.node(0));
                live().adaptation().removeStructures(TABLE);
            }
            else {
                rolledBack++;
                if (live().adaptation().layouts().table(TABLE) != null || !AdaptationWorkload.derivedColumns(CLUSTER.node(0))
                    .isEmpty())
                    leftovers.add(id);
            }
        }
        workload.stop();
        int lost = workload.lostRows(CLUSTER.node(0));
        System.out.println("adaptations: " + adaptations + ", completed: " + completed + ", rolled back: " + rolledBack
            + ", rows lost: " + lost + ", wrong results: " + wrong);
        System.out.println("writes: " + workload.writes() + " to " + workload.keysWritten() + " keys, "
            + workload.failedWrites() + " failed");

        assertEquals(0, lost);
        assertEquals(0, wrong);
        assertEquals(List.of(), leftovers, "rolled back adaptations that left a layout or columns behind");
        assertEquals(adaptations, completed + rolledBack);
        assertTrue(adaptations >= 5, "only " + adaptations + " adaptations fit the budget");
    }

    /** Waits until the record shows {@code step} or a later one, or is finished, then a random moment more. */
    private static void awaitStep(String id, AdaptationStep step) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Adaptation a = record(id);
            if (a.step().finished() || a.step().ordinal() >= step.ordinal())
                break;
            Thread.sleep(5);
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(step == AdaptationStep.FILLING ? 1500 : 100));
    }

    private static Adaptation record(String id) {
        return live().adaptation().adaptations().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** @return the node the adaptation manager runs on now */
    private static Ignite managerNode() {
        TestCluster.await("the adaptation manager deployed", () -> managerNodeId() != null);
        UUID id = managerNodeId();
        return CLUSTER.nodes().stream().filter(n -> n.cluster().localNode().id().equals(id)).findFirst()
            .orElseThrow();
    }

    private static UUID managerNodeId() {
        for (ServiceDescriptor d : CLUSTER.node(0).services().serviceDescriptors()) {
            if (d.name().equals(AdaptationService.NAME)) {
                return d.topologySnapshot().entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey())
                    .findFirst().orElse(null);
            }
        }
        return null;
    }

    private static AutopilotPlugin live() {
        return AutopilotPlugin.of(CLUSTER.node(0));
    }
}
