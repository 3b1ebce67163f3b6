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

import java.nio.file.Path;
import java.util.List;
import dev.autopilot.affinity.scaler.StandbyScalerConfiguration;
import dev.autopilot.affinity.scaler.StandbyScalerMode;
import dev.autopilot.testkit.NoAutopilotProvider;
import org.apache.ignite.Ignite;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.SqlConfiguration;
import org.apache.ignite.internal.IgnitionEx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node starts with Autopilot only when it is configured right, and a cluster that runs it keeps out nodes without it. */
class StartupValidationTest {
    private static final Path CONFIG = Path.of("..", "config", "autopilot-server.xml");

    private final TestCluster cluster = new TestCluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theShippedSpringConfigurationStartsANodeWithAutopilot() throws Exception {
        Ignite node = cluster.start(withTestPorts(load(CONFIG), 0));

        AutopilotPlugin plugin = AutopilotPlugin.of(node);
        assertNotNull(plugin);
        assertEquals(10, plugin.configuration().getWindowSeconds());
        assertEquals(20_000, plugin.configuration().getForecastTrainingBudgetMillis());
        assertNotNull(node.cache("autopilot_query_log"), "Autopilot's tables exist");
        StandbyScalerConfiguration scaler = plugin.configuration().getStandbyScaler();
        assertEquals(StandbyScalerMode.OFF, scaler.getMode());
        assertEquals(List.of("orders"), scaler.getCaches());
        assertEquals(50_000, scaler.getNodeCapacity());
    }

    @Test
    void aBrokenSpringConfigurationNamesThePropertyAndValue() throws Exception {
        IgniteConfiguration cfg = withTestPorts(load(Path.of("src", "test", "resources", "broken-window.xml")), 0);

        assertStartFails(cfg, "Invalid Autopilot configuration: windowSeconds = -5 (must be at least 1)");
    }

    @Test
    void everyBadPropertyIsNamed() {
        assertStartFails(cluster.config(0, new AutopilotConfiguration().setHistogramBuckets(1)),
            "histogramBuckets = 1");
        assertStartFails(cluster.config(0, new AutopilotConfiguration().setFlushIntervalMillis(0)),
            "flushIntervalMillis = 0");
        assertStartFails(cluster.config(0, new AutopilotConfiguration().setForecastTrainingBudgetMillis(0)),
            "forecastTrainingBudgetMillis = 0");
        assertStartFails(cluster.config(0, new AutopilotConfiguration().setManagedTables(
            List.of("T; DROP TABLE X"))), "managedTables = T; DROP TABLE X");
    }

    @Test
    void aBrokenScalerInSpringConfigurationIsNamed() throws Exception {
        IgniteConfiguration cfg = withTestPorts(load(Path.of("src", "test", "resources", "broken-scaler.xml")), 0);

        assertStartFails(cfg, "Invalid Autopilot configuration: standbyScaler.nodeCapacity = 0.0 (must be above 0 "
            + "when mode is DRY_RUN)");
    }

    @Test
    void aRunningScalerNeedsItsCachesAndCapacity() {
        assertStartFails(scaler(new StandbyScalerConfiguration().setMode(StandbyScalerMode.DRY_RUN)
            .setNodeCapacity(100)), "standbyScaler.caches = [] (must name at least one cache when mode is DRY_RUN)");
        assertStartFails(scaler(new StandbyScalerConfiguration().setMode(StandbyScalerMode.APPLY)
            .setCaches(List.of("orders"))), "standbyScaler.nodeCapacity = 0.0");
        assertStartFails(scaler(new StandbyScalerConfiguration().setMode(StandbyScalerMode.APPLY)
            .setCaches(List.of("orders")).setNodeCapacity(-1)), "standbyScaler.nodeCapacity = -1.0");
        assertStartFails(scaler(running().setPeriodSeconds(0)), "standbyScaler.periodSeconds = 0");
        assertStartFails(scaler(running().setForecastHorizon(0)), "standbyScaler.forecastHorizon = 0");
        assertStartFails(scaler(running().setHistoryWindows(1)), "standbyScaler.historyWindows = 1");
        assertStartFails(scaler(running().setMarginSeconds(-1)), "standbyScaler.marginSeconds = -1");
        assertStartFails(scaler(running().setMinNodes(3).setMaxNodes(2)),
            "standbyScaler.maxNodes = 2 (must be at least minNodes = 3)");
        assertStartFails(scaler(new StandbyScalerConfiguration().setMode(null)),
            "standbyScaler.mode = null (must be OFF, DRY_RUN or APPLY)");
        assertStartFails(cluster.config(0, new AutopilotConfiguration().setStandbyScaler(null)),
            "standbyScaler = null");
    }

    @Test
    void calciteMustBeTheDefaultEngine() {
        IgniteConfiguration cfg = cluster.config(0, new AutopilotConfiguration())
            .setSqlConfiguration(new SqlConfiguration());

        assertStartFails(cfg, "Autopilot needs Ignite's Calcite engine as the default SQL engine");
    }

    @Test
    void aServerWithoutThePluginIsRefused() {
        cluster.start(cluster.config(0, new AutopilotConfiguration()));
        IgniteConfiguration without = cluster.bareConfig(1).setPluginProviders(new NoAutopilotProvider());

        assertStartFails(without, "Server node without the Autopilot plugin cannot join");
        assertEquals(1, cluster.node(0).cluster().nodes().size());
    }

    private IgniteConfiguration scaler(StandbyScalerConfiguration scaler) {
        return cluster.config(0, new AutopilotConfiguration().setStandbyScaler(scaler));
    }

    /** @return a dry run with everything it needs, to break one property of */
    private static StandbyScalerConfiguration running() {
        return new StandbyScalerConfiguration().setMode(StandbyScalerMode.DRY_RUN).setCaches(List.of("orders"))
            .setNodeCapacity(100);
    }

    private void assertStartFails(IgniteConfiguration cfg, String expected) {
        Throwable e = assertThrows(Throwable.class, () -> cluster.start(cfg));
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause())
            chain.append(t.getMessage()).append('\n');
        assertTrue(chain.toString().contains(expected), "Expected '" + expected + "' in:\n" + chain);
    }

    private static IgniteConfiguration load(Path path) throws Exception {
        return IgnitionEx.loadConfiguration(path.toUri().toURL()).get1();
    }

    /** Keeps the file's plugin and SQL settings, on this run's ports. */
    private IgniteConfiguration withTestPorts(IgniteConfiguration fromFile, int i) {
        IgniteConfiguration ports = cluster.bareConfig(i);
        return fromFile.setIgniteInstanceName(ports.getIgniteInstanceName())
            .setWorkDirectory(ports.getWorkDirectory())
            .setDiscoverySpi(ports.getDiscoverySpi())
            .setCommunicationSpi(ports.getCommunicationSpi())
            .setClientConnectorConfiguration(ports.getClientConnectorConfiguration())
            .setFailureHandler(ports.getFailureHandler());
    }
}
