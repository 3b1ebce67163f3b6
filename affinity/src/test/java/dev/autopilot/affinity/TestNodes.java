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

package dev.autopilot.affinity;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.ShutdownPolicy;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.IgniteInternalFuture;
import org.apache.ignite.internal.processors.affinity.AffinityTopologyVersion;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * Real server nodes in this JVM on loopback ports picked per run (below the ephemeral range), with consistent ids
 * known before the nodes start, so a test can plan for a node that has not joined yet. Stops them one at a time,
 * letting the others finish each exchange (as {@code OrderlyShutdown} in the plugin's tests does: stopping a node
 * mid-exchange crashed the JVM; this module may not depend on the plugin, and the modules share no test kit yet).
 */
public final class TestNodes implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 30_000;

    private final int base = 20_000 + ThreadLocalRandom.current().nextInt(400) * 30;
    private final String prefix = "apa-" + base + '-';
    private final List<Ignite> nodes = new ArrayList<>();

    public String consistentId(int i) {
        return prefix + i;
    }

    /** Starts node {@code i}. */
    public Ignite start(int i) {
        return start(i, UnaryOperator.identity());
    }

    /** Starts node {@code i} with its configuration changed by {@code tweak} (pools, rebalance settings). */
    public Ignite start(int i, UnaryOperator<IgniteConfiguration> tweak) {
        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder()
            .setAddresses(List.of("127.0.0.1:" + base + ".." + (base + 9)));
        IgniteConfiguration cfg = new IgniteConfiguration()
            .setIgniteInstanceName(prefix + i)
            .setConsistentId(consistentId(i))
            .setLocalHost("127.0.0.1")
            .setWorkDirectory(new File("target/ignite-work/" + prefix + i).getAbsolutePath())
            .setDiscoverySpi(new TcpDiscoverySpi().setIpFinder(ipFinder).setLocalPort(base + i).setLocalPortRange(0))
            .setCommunicationSpi(new TcpCommunicationSpi().setLocalPort(base + 10 + i).setLocalPortRange(0))
            .setClientConnectorConfiguration(null)
            .setFailureHandler(new StopNodeFailureHandler());
        Ignite node = Ignition.start(tweak.apply(cfg));
        nodes.add(node);
        return node;
    }

    public Ignite node(int i) {
        return nodes.get(i);
    }

    public List<Ignite> nodes() {
        return nodes;
    }

    /** Fails with {@code message} unless {@code condition} holds within 30 s. */
    public static void await(String message, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("Timed out waiting: " + message);
            sleep(20);
        }
    }

    /** Stops the node started last while the others go on, and waits until they finished the exchange it caused. */
    public void stopLast() {
        Ignite last = nodes.remove(nodes.size() - 1);
        UUID leaving = last.cluster().localNode().id();
        Ignition.stop(last.name(), true);
        for (Ignite node : nodes)
            awaitDeparture(node, leaving);
    }

    /**
     * Stops the node with this consistent id under the cluster's shutdown policy (so a graceful stop waits for
     * backups) and waits until the others finished the exchange it caused.
     */
    public void stop(String consistentId) {
        halt(consistentId, false);
    }

    /** Kills the node with this consistent id (jobs cancelled, no wait for backups), as a crash would. */
    public void kill(String consistentId) {
        halt(consistentId, true);
    }

    private void halt(String consistentId, boolean cancel) {
        Ignite node = nodes.stream().filter(n -> consistentId.equals(String.valueOf(n.cluster().localNode().consistentId())))
            .findFirst().orElseThrow(() -> new IllegalArgumentException("no running node " + consistentId));
        nodes.remove(node);
        UUID leaving = node.cluster().localNode().id();
        Ignition.stop(node.name(), cancel);
        for (Ignite other : nodes)
            awaitDeparture(other, leaving);
    }

    @Override public void close() {
        if (!nodes.isEmpty())
            nodes.get(0).cluster().shutdownPolicy(ShutdownPolicy.IMMEDIATE);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            UUID leaving = nodes.get(i).cluster().localNode().id();
            Ignition.stop(nodes.get(i).name(), true);
            for (int j = 0; j < i; j++)
                awaitDeparture(nodes.get(j), leaving);
        }
        nodes.clear();
    }

    private static void awaitDeparture(Ignite node, UUID leaving) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (node.cluster().node(leaving) != null && System.currentTimeMillis() < deadline)
            sleep(10);
        AffinityTopologyVersion ver = new AffinityTopologyVersion(node.cluster().topologyVersion());
        IgniteInternalFuture<AffinityTopologyVersion> ready = ((IgniteEx)node).context().cache().context()
            .exchange().affinityReadyFuture(ver);
        try {
            if (ready != null)
                ready.get(Math.max(1, deadline - System.currentTimeMillis()));
        }
        catch (Exception e) {
            throw new IllegalStateException("Exchange after node " + leaving + " left did not finish", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
