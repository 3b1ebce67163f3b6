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

package dev.autopilot.examples.faults;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.autopilot.examples.cluster.ProcessCluster;
import dev.autopilot.plugin.AutopilotConfiguration;
import dev.autopilot.plugin.AutopilotPlugin;
import dev.autopilot.plugin.AutopilotPluginProvider;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.calcite.CalciteQueryEngineConfiguration;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.SqlConfiguration;
import org.apache.ignite.services.ServiceDescriptor;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * A thick client node with Autopilot, for what only the Java API offers: requesting an adaptation to a given profile
 * ({@link AutopilotPlugin#requestAdaptation}), and finding the node the adaptation manager (a cluster singleton) runs
 * on, to kill that one at times; and for a continuous query that says at once when an adaptation reaches a step
 * ({@link StepWatch}).
 */
final class ControlClient implements AutoCloseable {
    /** The adaptation manager's service name ({@code AdaptationService.NAME}). */
    private static final String MANAGER = "autopilot-adaptations";

    private final Ignite ignite;
    private final ProcessCluster cluster;
    private final StepWatch steps;

    ControlClient(ProcessCluster cluster) {
        this.cluster = cluster;
        IgniteConfiguration cfg = new IgniteConfiguration()
            .setIgniteInstanceName("fault-control-" + UUID.randomUUID())
            .setClientMode(true)
            .setLocalHost("127.0.0.1")
            .setSqlConfiguration(new SqlConfiguration().setQueryEnginesConfiguration(
                new CalciteQueryEngineConfiguration().setDefault(true)))
            .setPluginProviders(new AutopilotPluginProvider(new AutopilotConfiguration()))
            .setDiscoverySpi(new TcpDiscoverySpi().setIpFinder(new TcpDiscoveryVmIpFinder()
                .setAddresses(List.of(cluster.discoveryAddresses()))));
        ignite = Ignition.start(cfg);
        steps = new StepWatch(ignite);
    }

    /** @return the adaptations' steps as their records change */
    StepWatch steps() {
        return steps;
    }

    /** @return the id of a new adaptation of {@link FaultTable} to {@code profileJson} */
    String request(String profileJson) {
        return AutopilotPlugin.of(ignite).adaptation().requestAdaptation(profileJson);
    }

    /** @return the cluster's index of the node the adaptation manager runs on, or -1 when it is not deployed */
    int managerNode() {
        for (ServiceDescriptor d : ignite.services().serviceDescriptors()) {
            if (!d.name().equals(MANAGER))
                continue;
            for (Map.Entry<UUID, Integer> e : d.topologySnapshot().entrySet()) {
                ClusterNode n = ignite.cluster().node(e.getKey());
                if (e.getValue() > 0 && n != null)
                    return cluster.nodeOfDiscoveryPort(discoveryPort(n));
            }
        }
        return -1;
    }

    /** @return the discovery port in a node's default consistent id, {@code host:port} */
    private static int discoveryPort(ClusterNode n) {
        String id = String.valueOf(n.consistentId());
        return Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
    }

    @Override public void close() {
        steps.close();
        ignite.close();
    }
}
