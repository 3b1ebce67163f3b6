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

package dev.autopilot.testkit;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.calcite.CalciteQueryEngineConfiguration;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.SqlConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * Real Ignite server nodes in this JVM, the one cluster fixture of every module's tests: on loopback ports of their
 * own (see {@link PortBlock}, at most {@value PortBlock#MAX_NODES} nodes), Calcite as the default SQL engine, a
 * failure handler that stops a failed node (rather than the JVM and with it the test run), a work directory under
 * {@code target/}, and a consistent id known before the node starts (so that a test can plan for a node that has not
 * joined yet). A module adds what its nodes need (a plugin, pools, rebalance settings) with the configurer; the
 * Autopilot plugin's tests extend this class. Stops its nodes one at a time (see {@link OrderlyShutdown}).
 */
public class IgniteTestCluster implements AutoCloseable {
    private final PortBlock ports = PortBlock.pick();
    private final String prefix = "node-" + ports.base() + '-';
    private final UnaryOperator<IgniteConfiguration> configurer;
    private final List<Ignite> nodes = new ArrayList<>();

    /** A cluster of nodes configured by the kit alone. */
    public IgniteTestCluster() {
        this(UnaryOperator.identity());
    }

    /** A cluster whose nodes' configurations {@code configurer} completes (see {@link #config}). */
    public IgniteTestCluster(UnaryOperator<IgniteConfiguration> configurer) {
        this.configurer = configurer;
    }

    /** @return the consistent id of node {@code i}, also its Ignite instance name */
    public String consistentId(int i) {
        return prefix + i;
    }

    /** @return the configuration of node {@code i}: its ports, Calcite by default, nothing of the configurer */
    public IgniteConfiguration bareConfig(int i) {
        return new IgniteConfiguration()
            .setIgniteInstanceName(consistentId(i))
            .setConsistentId(consistentId(i))
            .setLocalHost(ports.host())
            .setWorkDirectory(new File("target/ignite-work/" + consistentId(i)).getAbsolutePath())
            .setDiscoverySpi(new TcpDiscoverySpi()
                .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(List.of(ports.discoveryAddresses())))
                .setLocalPort(ports.discovery(i))
                .setLocalPortRange(0))
            .setCommunicationSpi(new TcpCommunicationSpi().setLocalPort(ports.communication(i)).setLocalPortRange(0))
            .setClientConnectorConfiguration(new ClientConnectorConfiguration().setPort(ports.client(i))
                .setPortRange(0))
            .setSqlConfiguration(new SqlConfiguration().setQueryEnginesConfiguration(
                new CalciteQueryEngineConfiguration().setDefault(true)))
            .setFailureHandler(new StopNodeFailureHandler());
    }

    /** @return the configuration of node {@code i}: {@link #bareConfig} completed by the configurer */
    public IgniteConfiguration config(int i) {
        return configurer.apply(bareConfig(i));
    }

    /** Starts nodes {@code 0} to {@code count - 1} and waits until the cluster settled (see {@link #awaitSettled}). */
    public IgniteTestCluster start(int count) {
        for (int i = 0; i < count; i++)
            startNode(i);
        awaitSettled();
        return this;
    }

    /**
     * Starts nodes {@code 0} to {@code count - 1} with {@code configs} as the whole baseline, with auto-adjust off, so
     * that a node started later stands by outside the baseline until the test (or the code under test) adds it; waits
     * until the cluster settled.
     *
     * @return node 0
     */
    public Ignite startFixedBaseline(int count, IntFunction<IgniteConfiguration> configs) {
        Ignite first = start(configs.apply(0));
        first.cluster().baselineAutoAdjustEnabled(false);
        for (int i = 1; i < count; i++)
            start(configs.apply(i));
        first.cluster().setBaselineTopology(first.cluster().topologyVersion());
        awaitSettled();
        return first;
    }

    /** Starts node {@code i} with {@link #config}. */
    public Ignite startNode(int i) {
        return start(config(i));
    }

    /** Starts one node with {@code cfg}, which takes this cluster's ports from {@link #config} or {@link #bareConfig}. */
    public Ignite start(IgniteConfiguration cfg) {
        Ignite node = Ignition.start(cfg);
        nodes.add(node);
        return node;
    }

    /**
     * Waits until no exchange is in progress and no partition is moving on any node: before a first statement, which
     * Ignite may otherwise fail with "Topology was changed. Please retry on stable topology" while the caches created
     * at start are still being exchanged.
     */
    public void awaitSettled() {
        OrderlyShutdown.awaitSettled(nodes);
    }

    /** @return the {@code i}-th running node, in the order they started */
    public Ignite node(int i) {
        return nodes.get(i);
    }

    /** @return the running node with this consistent id */
    public Ignite node(String consistentId) {
        return nodes.stream().filter(n -> n.name().equals(consistentId)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No running node " + consistentId));
    }

    /**
     * @return the running nodes in the order they started; the list itself, so that a test whose code under test
     *     stopped a node can remove it
     */
    public List<Ignite> nodes() {
        return nodes;
    }

    /** @return the {@code i} that {@link #bareConfig} gave {@code node} */
    public int index(Ignite node) {
        return Integer.parseInt(node.name().substring(prefix.length()));
    }

    /** @return the JDBC thin URL of node {@code i} */
    public String jdbcUrl(int i) {
        return "jdbc:ignite:thin://" + clientAddress(i);
    }

    /** @return the thin-client address of node {@code i} */
    public String clientAddress(int i) {
        return ports.host() + ':' + ports.client(i);
    }

    /** Runs one statement in schema PUBLIC through the first node and returns all its rows. */
    public List<List<?>> sql(String sql, Object... args) {
        IgniteCache<?, ?> entry = nodes.get(0).getOrCreateCache("testkit-sql");
        return entry.query(new SqlFieldsQuery(sql).setSchema("PUBLIC").setArgs(args)).getAll();
    }

    /**
     * Stops {@code node} while the others go on, once no partition moves (so that it takes no last copy along) and
     * under the cluster's shutdown policy, and forgets it.
     */
    public void stop(Ignite node) {
        nodes.remove(node);
        OrderlyShutdown.stopOne(node, nodes);
    }

    /** Stops {@code node} now, as a crash would (jobs cancelled, no wait for backups or rebalancing), and forgets it. */
    public void kill(Ignite node) {
        nodes.remove(node);
        OrderlyShutdown.kill(node, nodes);
    }

    /** Stops every node, last started first, each after the others finished the exchange the previous one caused. */
    @Override public void close() {
        try {
            OrderlyShutdown.stopAll(nodes);
        }
        finally {
            nodes.clear();
        }
    }
}
