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

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import dev.autopilot.affinity.PredictiveAffinityFunction;
import dev.autopilot.affinity.hot.HotRowInterceptor;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.calcite.CalciteQueryEngineConfiguration;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.SqlConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * Real Ignite server nodes in this JVM on loopback, on ports picked per run so that parallel builds do not meet, below
 * Linux's ephemeral range (32768 and up) so that outgoing connections do not take them first.
 * Node {@code i} listens for discovery on {@code base + i}, for communication on {@code base + 10 + i} and for
 * JDBC and thin clients on {@code base + 20 + i}.
 */
final class TestCluster implements AutoCloseable {
    private final int base = 20_000 + ThreadLocalRandom.current().nextInt(400) * 30;
    private final String prefix = "ap-" + base + '-';
    private final List<Ignite> nodes = new ArrayList<>();

    /** @return the configuration of node {@code i}: Calcite by default, Autopilot with {@code cfg} */
    IgniteConfiguration config(int i, AutopilotConfiguration cfg) {
        return bareConfig(i).setPluginProviders(new AutopilotPluginProvider(cfg));
    }

    /** @return the configuration of node {@code i} with Calcite by default and no plugin chosen */
    IgniteConfiguration bareConfig(int i) {
        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder()
            .setAddresses(List.of("127.0.0.1:" + base + ".." + (base + 9)));
        return new IgniteConfiguration()
            .setIgniteInstanceName(prefix + i)
            .setLocalHost("127.0.0.1")
            .setWorkDirectory(new File("target/ignite-work/" + prefix + i).getAbsolutePath())
            .setDiscoverySpi(new TcpDiscoverySpi().setIpFinder(ipFinder).setLocalPort(base + i).setLocalPortRange(0))
            .setCommunicationSpi(new TcpCommunicationSpi().setLocalPort(base + 10 + i).setLocalPortRange(0))
            .setClientConnectorConfiguration(new ClientConnectorConfiguration().setPort(base + 20 + i)
                .setPortRange(0))
            .setSqlConfiguration(new SqlConfiguration().setQueryEnginesConfiguration(
                new CalciteQueryEngineConfiguration().setDefault(true)))
            .setFailureHandler(new StopNodeFailureHandler());
    }

    /** Starts {@code count} nodes with Autopilot configured by {@code cfg}, and waits until the cluster settled. */
    TestCluster start(int count, AutopilotConfiguration cfg) {
        for (int i = 0; i < count; i++)
            start(config(i, cfg));
        OrderlyShutdown.awaitSettled(nodes);
        return this;
    }

    /** Starts one node. */
    Ignite start(IgniteConfiguration cfg) {
        Ignite node = Ignition.start(cfg);
        nodes.add(node);
        return node;
    }

    /**
     * Creates a key-value cache of 32 partitions with one backup whose reads and writes Autopilot counts per partition
     * (its {@link HotRowInterceptor}).
     */
    void createCountedCache(String name) {
        node(0).getOrCreateCache(new CacheConfiguration<>(name).setAffinity(new RendezvousAffinityFunction(false, 32))
            .setBackups(1).setInterceptor(new HotRowInterceptor<>()));
    }

    /**
     * Starts nodes 0 and 1 as the whole baseline, with auto-adjust off, so that a node started later stands by outside
     * the baseline until someone adds it.
     *
     * @return node 0
     */
    Ignite startFixedBaseline(AutopilotConfiguration cfg) {
        Ignite first = start(config(0, cfg));
        first.cluster().baselineAutoAdjustEnabled(false);
        start(config(1, cfg));
        first.cluster().setBaselineTopology(first.cluster().topologyVersion());
        return first;
    }

    /**
     * Creates a counted cache (see {@link #createCountedCache}) placed by {@link PredictiveAffinityFunction} from the
     * plans named after it.
     */
    void createPlannedCache(String name, int partitions) {
        node(0).getOrCreateCache(new CacheConfiguration<>(name).setBackups(1)
            .setAffinity(new PredictiveAffinityFunction().setPartitions(partitions).setPlanName(name))
            .setInterceptor(new HotRowInterceptor<>()));
    }

    /** @return the consistent ids of the baseline {@code node} sees, sorted */
    static List<String> baseline(Ignite node) {
        List<String> ids = new ArrayList<>();
        for (BaselineNode n : node.cluster().currentBaselineTopology())
            ids.add(String.valueOf(n.consistentId()));
        ids.sort(null);
        return ids;
    }

    /** Stops one node while the others go on (see {@link OrderlyShutdown#stopOne}) and forgets it. */
    void stop(Ignite node) {
        nodes.remove(node);
        OrderlyShutdown.stopOne(node, nodes);
    }

    /** @return the {@code i} that {@link #config} gave {@code node} */
    int index(Ignite node) {
        return Integer.parseInt(node.name().substring(prefix.length()));
    }

    Ignite node(int i) {
        return nodes.get(i);
    }

    List<Ignite> nodes() {
        return nodes;
    }

    /** @return the JDBC thin URL of node {@code i} */
    String jdbcUrl(int i) {
        return "jdbc:ignite:thin://127.0.0.1:" + (base + 20 + i);
    }

    /** @return the thin-client address of node {@code i} */
    String clientAddress(int i) {
        return "127.0.0.1:" + (base + 20 + i);
    }

    /** Fails with {@code message} unless {@code condition} holds within 10 s: for what Ignite does asynchronously. */
    static void await(String message, BooleanSupplier condition) {
        await(message, condition, 10_000);
    }

    /** Fails with {@code message} unless {@code condition} holds within {@code timeoutMillis}. */
    static void await(String message, BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("Timed out waiting: " + message);
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override public void close() {
        OrderlyShutdown.stop(nodes);
        nodes.clear();
    }
}
