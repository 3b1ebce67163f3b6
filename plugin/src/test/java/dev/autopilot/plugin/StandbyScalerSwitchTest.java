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
import java.util.concurrent.atomic.AtomicBoolean;
import dev.autopilot.affinity.PredictiveAffinityFunction;
import dev.autopilot.affinity.scaler.StandbyScalerConfiguration;
import dev.autopilot.affinity.scaler.StandbyScalerMode;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standby scaler switched on at run time: configured complete but {@code OFF}, it does not run; after
 * {@code control.sh --property set --name autopilot.standbyScaler.mode --val DRY_RUN} on the running cluster it
 * decides in dry run, as one configured so from the start does ({@link StandbyScalerDryRunPluginTest}): a cache with
 * {@link PredictiveAffinityFunction} and a node capacity so small that it wants the standby node.
 */
class StandbyScalerSwitchTest {
    private static final String CACHE = "switched";

    @Test
    void dryRunStartsWhenTheModeIsSetOnTheRunningCluster() throws Exception {
        AutopilotConfiguration cfg = new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0)
            .setStandbyScaler(new StandbyScalerConfiguration().setMode(StandbyScalerMode.OFF)
                .setCaches(List.of(CACHE)).setNodeCapacity(1).setPeriodSeconds(1).setForecastHorizon(3)
                .setHistoryWindows(30).setMarginSeconds(0));
        try (TestCluster cluster = new TestCluster()) {
            Ignite first = cluster.startFixedBaseline(cfg);
            cluster.createPlannedCache(CACHE, 32);
            cluster.start(cluster.config(2, cfg));
            assertTrue(first.services().serviceDescriptors().stream()
                .noneMatch(d -> d.name().equals(StandbyScalerService.NAME)), "OFF: the scaler is not deployed");

            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                IgniteCache<Integer, Integer> cache = first.cache(CACHE);
                for (int k = 0; writing.get(); k++)
                    cache.put(k % 1_000, k);
            }, "scaler-switch-writer");
            writer.start();
            try {
                ControlUtility.Run set = ControlUtility.run(cluster.clientAddress(1), "--property", "set", "--name",
                    LiveSettings.STANDBY_SCALER_MODE, "--val", "DRY_RUN");
                assertEquals(0, set.exitCode(), set.toString());
                TestCluster.await("a DRY_RUN add in AUTOPILOT.PLAN_CHANGES", () -> !addModes(first).isEmpty(),
                    40_000);
            }
            finally {
                writing.set(false);
                writer.join();
            }
            assertEquals(List.of("DRY_RUN"), addModes(first).get(0));
        }
    }

    private static List<List<?>> addModes(Ignite node) {
        return node.cache(CACHE).query(new SqlFieldsQuery("SELECT MODE FROM AUTOPILOT.PLAN_CHANGES WHERE CACHE_NAME = ? "
            + "AND ACTION = 'ADD'").setArgs(CACHE)).getAll();
    }
}
