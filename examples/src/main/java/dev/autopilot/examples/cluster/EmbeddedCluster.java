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

package dev.autopilot.examples.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import dev.autopilot.plugin.AutopilotConfiguration;
import dev.autopilot.plugin.AutopilotPluginProvider;
import dev.autopilot.testkit.NoAutopilotProvider;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.internal.IgnitionEx;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * Server nodes in this JVM, each configured from a Spring XML file the way a user configures theirs, on loopback
 * ports of their own: node {@code i} uses {@code base + i} for discovery, {@code base + 50 + i} for communication and
 * {@code base + 80 + i} for JDBC and thin clients, so that two clusters can run side by side.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final Path springXml;
    private final int base;
    private final boolean autopilot;
    private final Consumer<AutopilotConfiguration> tuning;
    private final Consumer<IgniteConfiguration> nodeTuning;
    private final List<Ignite> nodes = new ArrayList<>();

    private EmbeddedCluster(Path springXml, int base, boolean autopilot, Consumer<AutopilotConfiguration> tuning,
        Consumer<IgniteConfiguration> nodeTuning) {
        this.springXml = springXml;
        this.base = base;
        this.autopilot = autopilot;
        this.tuning = tuning;
        this.nodeTuning = nodeTuning;
    }

    /**
     * @param springXml the node configuration
     * @param nodes how many server nodes
     * @param base first port
     * @param autopilot whether the nodes run Autopilot; without it they run plain Ignite with the same settings
     * @return the started cluster
     */
    public static EmbeddedCluster start(Path springXml, int nodes, int base, boolean autopilot) throws Exception {
        return start(springXml, nodes, base, autopilot, settings -> { });
    }

    /**
     * Like {@link #start(Path, int, int, boolean)}, with the Autopilot settings of the file changed on every node
     * by {@code tuning}, so that a benchmark can run one file with settings of its own.
     */
    public static EmbeddedCluster start(Path springXml, int nodes, int base, boolean autopilot,
        Consumer<AutopilotConfiguration> tuning) throws Exception {
        return start(springXml, nodes, base, autopilot, tuning, cfg -> { });
    }

    /**
     * Like {@link #start(Path, int, int, boolean, Consumer)}, with each node's Ignite configuration also changed by
     * {@code nodeTuning} once its ports are set, so that a test can give the nodes a logger of its own.
     */
    public static EmbeddedCluster start(Path springXml, int nodes, int base, boolean autopilot,
        Consumer<AutopilotConfiguration> tuning, Consumer<IgniteConfiguration> nodeTuning) throws Exception {
        EmbeddedCluster cluster = new EmbeddedCluster(springXml, base, autopilot, tuning, nodeTuning);
        try {
            for (int i = 0; i < nodes; i++)
                cluster.startNode();
        }
        catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Starts one more node, configured like the others, on the next ports: a node that joins the running cluster. */
    public Ignite startNode() throws Exception {
        IgniteConfiguration cfg = IgnitionEx.loadConfiguration(springXml.toUri().toURL()).get1();
        if (autopilot)
            tune(cfg, tuning);
        onOwnPorts(cfg, nodes.size(), autopilot);
        nodeTuning.accept(cfg);
        Ignite node = Ignition.start(cfg);
        nodes.add(node);
        return node;
    }

    private static void tune(IgniteConfiguration cfg, Consumer<AutopilotConfiguration> tuning) {
        for (var provider : cfg.getPluginProviders()) {
            if (provider instanceof AutopilotPluginProvider autopilot)
                tuning.accept(autopilot.getConfiguration());
        }
    }

    /** @return a JDBC thin URL that reaches every node */
    public String jdbcUrl() {
        return "jdbc:ignite:thin://127.0.0.1:" + (base + 80) + ".." + (base + 80 + nodes.size() - 1);
    }

    /** @return the JDBC thin URL of one node */
    public String jdbcUrl(int node) {
        return "jdbc:ignite:thin://127.0.0.1:" + (base + 80 + node);
    }

    public List<Ignite> nodes() {
        return List.copyOf(nodes);
    }

    private IgniteConfiguration onOwnPorts(IgniteConfiguration cfg, int i, boolean autopilot) {
        String name = (autopilot ? "autopilot-" : "plain-") + base + '-' + i;
        cfg.setIgniteInstanceName(name)
            .setWorkDirectory(new File("target/ignite-work/" + name).getAbsolutePath())
            .setDiscoverySpi(new TcpDiscoverySpi()
                .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(List.of("127.0.0.1:" + base + ".." + (base + 9))))
                .setLocalPort(base + i)
                .setLocalPortRange(0))
            .setCommunicationSpi(new TcpCommunicationSpi().setLocalPort(base + 50 + i).setLocalPortRange(0))
            .setClientConnectorConfiguration(new ClientConnectorConfiguration().setPort(base + 80 + i).setPortRange(0));
        if (!autopilot)
            cfg.setPluginProviders(new NoAutopilotProvider());
        return cfg;
    }

    @Override public void close() {
        OrderlyShutdown.stop(nodes);
        nodes.clear();
    }
}
