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

package dev.autopilot.forecast.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.autopilot.forecast.Forecast;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.Forecaster;
import dev.autopilot.forecast.Synthetic;
import dev.autopilot.forecast.series.TimeSeries;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains Ignite ML models from a cache on a real two-node cluster started in this JVM. */
class CacheTrainingIntegrationTest {
    private static final int PORT_RANGE = 10;
    private static final List<Ignite> NODES = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        int discoveryPort = 47500 + ThreadLocalRandom.current().nextInt(1000);
        int communicationPort = 49600 + ThreadLocalRandom.current().nextInt(1000);
        String instancePrefix = "forecast-it-" + discoveryPort + "-";
        String workDir = Path.of("target", "ignite-work-" + discoveryPort).toAbsolutePath().toString();
        for (int i = 0; i < 2; i++)
            NODES.add(Ignition.start(config(instancePrefix + i, discoveryPort, communicationPort).setWorkDirectory(workDir)));
        assertEquals(2, NODES.get(0).cluster().forServers().nodes().size());
    }

    @AfterAll
    static void stopCluster() {
        for (int i = NODES.size() - 1; i >= 0; i--)
            NODES.get(i).close();
        NODES.clear();
    }

    private static IgniteConfiguration config(String name, int discoveryPort, int communicationPort) {
        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder()
            .setAddresses(List.of("127.0.0.1:" + discoveryPort + ".." + (discoveryPort + PORT_RANGE - 1)));
        TcpDiscoverySpi discovery = new TcpDiscoverySpi().setIpFinder(ipFinder);
        discovery.setLocalAddress("127.0.0.1");
        discovery.setLocalPort(discoveryPort);
        discovery.setLocalPortRange(PORT_RANGE);
        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalAddress("127.0.0.1");
        communication.setLocalPort(communicationPort);
        communication.setLocalPortRange(PORT_RANGE);
        return new IgniteConfiguration()
            .setIgniteInstanceName(name)
            .setDiscoverySpi(discovery)
            .setCommunicationSpi(communication)
            .setClientConnectorConfiguration(null)
            .setFailureHandler(new StopNodeFailureHandler())
            .setMetricsLogFrequency(0);
    }

    @Test
    void linearModelTrainedFromACacheMatchesTheLocalOne() {
        TimeSeries s = Synthetic.sine(900, 50, 100, 30);
        BoostingSettings boosting = new BoostingSettings(10, 2, 0.3);
        LearnedModel onCluster = new LearnedModelTrainer(Regressor.LINEAR, boosting, 800, new CacheTrainingBackend(NODES.get(0), 8))
            .train(s, 700, 50, 3);
        LearnedModel local = new LearnedModelTrainer(Regressor.LINEAR, boosting, 800, new LocalTrainingBackend(1))
            .train(s, 700, 50, 3);
        double[] a = new double[3];
        double[] b = new double[3];
        for (int t = 700; t < 890; t += 7) {
            onCluster.bind(s).forecast(t, a);
            local.bind(s).forecast(t, b);
            for (int h = 1; h <= 3; h++) {
                assertEquals(b[h - 1], a[h - 1], 0.05, "t=" + t + " h=" + h);
                assertEquals(s.value(t + h), a[h - 1], 0.5, "t=" + t + " h=" + h);
            }
        }
        assertTrue(NODES.get(0).cacheNames().stream().noneMatch(n -> n.startsWith("autopilot-forecast-train-")),
            "training caches must be destroyed: " + NODES.get(0).cacheNames());
    }

    @Test
    void forecasterWithBoostedTreesTrainsOnTheCluster() {
        TimeSeries s = Synthetic.noisySine(800, 40, 100, 30, 3, 17);
        ForecastSettings settings = ForecastSettings.builder().horizon(3).regressors(EnumSet.allOf(Regressor.class))
            .boosting(new BoostingSettings(10, 3, 0.3)).maxTrainingRows(300).build();
        Forecaster f = Forecaster.train(s, 800, settings, new CacheTrainingBackend(NODES.get(1), 8));
        assertTrue(f.candidates().stream().anyMatch(m -> m.name().equals("boosted-trees")));
        Forecast fc = f.forecast(s);
        double expected = 100 + 30 * Math.sin(2 * Math.PI * 800 / 40);
        assertEquals(expected, fc.predicted(1), 10);
        assertTrue(fc.lower(1) <= fc.predicted(1) && fc.predicted(1) <= fc.upper(1));
    }
}
