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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ignite server nodes, each a JVM of its own started from the package's Spring XML ({@link NodeCommand}) on ports of
 * its own: node {@code i} listens on {@code base + i} (discovery), {@code base + 10 + i} (communication) and
 * {@code base + 20 + i} (JDBC and thin clients), where {@code base} starts a block of free ports. A node can be killed
 * with SIGKILL and started again on the same ports. Every process it started is killed by {@link #close()}, and by a
 * shutdown hook if the JVM exits first, so that a failed test or an interrupted benchmark leaves none behind.
 */
public final class ProcessCluster implements AutoCloseable {
    /** How long a node may take to start and join. */
    private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(5);

    /** How long a restarted node may take until rebalancing to it has ended. */
    private static final Duration REBALANCE_TIMEOUT = Duration.ofMinutes(3);

    private static final int MAX_NODES = 10;

    private final IgniteHome home;
    private final Path config;
    private final Map<String, String> properties;
    private final Path logs;
    private final String heap;
    private final int base;
    private final NodeProcess[] nodes;
    private final List<NodeProcess> started = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "process-cluster-shutdown");

    private ProcessCluster(IgniteHome home, Path config, int size, Map<String, String> properties, Path logs,
        String heap) {
        this.home = home;
        this.config = config;
        this.logs = logs;
        this.heap = heap;
        this.base = FreePorts.block(30);
        this.nodes = new NodeProcess[size];
        this.properties = new LinkedHashMap<>(properties);
        this.properties.put("autopilot.discovery.addresses", "127.0.0.1:" + base + ".." + (base + size - 1));
    }

    /**
     * Starts {@code size} nodes one after another, each joined before the next starts.
     *
     * @param home the installation
     * @param config the Spring XML every node starts from
     * @param size how many nodes, at most 10
     * @param properties system properties for the XML's {@code ${...}} values (the ports are set here)
     * @param logs where each node's output goes ({@code node-<i>.log}, appended to across restarts)
     * @param heap each node's maximum heap ({@code -Xmx})
     */
    public static ProcessCluster start(IgniteHome home, Path config, int size, Map<String, String> properties,
        Path logs, String heap) throws IOException {
        if (size < 1 || size > MAX_NODES)
            throw new IllegalArgumentException("1.." + MAX_NODES + " nodes, not " + size);
        Files.createDirectories(logs);
        ProcessCluster c = new ProcessCluster(home, config, size, properties, logs, heap);
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            for (int i = 0; i < size; i++)
                c.start(i);
        }
        catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Starts node {@code i}, which must not be running, and waits until it has joined the nodes running. */
    public synchronized void start(int i) throws IOException {
        if (nodes[i] != null && nodes[i].alive())
            throw new IllegalStateException("Node " + i + " runs");
        Map<String, String> props = new LinkedHashMap<>(properties);
        props.put("autopilot.discovery.port", String.valueOf(discoveryPort(i)));
        props.put("autopilot.communication.port", String.valueOf(base + 10 + i));
        props.put("autopilot.client.port", String.valueOf(clientPort(i)));
        NodeProcess p = NodeProcess.start(NodeCommand.of(home, config, heap, props), home.dir(),
            logs.resolve("node-" + i + ".log"));
        started.add(p);
        nodes[i] = p;
        int expected = running();
        Await.until("node " + i + " to join " + (expected - 1) + " others", JOIN_TIMEOUT, 500, () -> {
            if (!p.alive())
                throw new IllegalStateException("Node " + i + " exited; see " + p.log());
            return servers(i) == expected;
        });
    }

    /**
     * Waits until rebalancing after a node joined has ended: every copy of every partition {@code OWNING}, the same
     * number of copies of each partition of a cache group (at least two, so that the next kill loses none with one
     * backup), and partitions on every running node. Once the joined node's copies are complete Ignite switches to the
     * new assignment and evicts the copies the old owners no longer need; until then some partitions have one copy
     * more than the others. The fault runs saw queries that ran across that switch miss rows with no error, in plain
     * Ignite SQL as in rewritten SQL, so a check must not count from the moment the copies are merely complete.
     */
    public void awaitRebalanced() {
        Await.until("rebalancing to end", REBALANCE_TIMEOUT, 500, () -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
                if (count(s, "SELECT COUNT(*) FROM SYS.PARTITION_STATES WHERE STATE <> 'OWNING'") > 0)
                    return false;
                if (count(s, "SELECT COUNT(*) FROM (SELECT CACHE_GROUP_ID FROM (SELECT CACHE_GROUP_ID, PARTITION_ID, "
                    + "COUNT(*) AS COPIES FROM SYS.PARTITION_STATES GROUP BY CACHE_GROUP_ID, PARTITION_ID) "
                    + "GROUP BY CACHE_GROUP_ID HAVING MIN(COPIES) < 2 OR MIN(COPIES) <> MAX(COPIES))") > 0)
                    return false;
                return count(s, "SELECT COUNT(DISTINCT NODE_ID) FROM SYS.PARTITION_STATES") == running();
            }
        });
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Starts again every node whose process ended without {@link #kill} (one that was segmented, or stopped by its
     * failure handler, exits), so that the next kill finds every node up.
     *
     * @return the nodes started again
     */
    public synchronized List<Integer> restartExited() throws IOException {
        List<Integer> exited = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            if (!nodes[i].alive()) {
                exited.add(i);
                start(i);
            }
        }
        return exited;
    }

    /** Kills node {@code i} with SIGKILL and waits until its process is gone. */
    public synchronized void kill(int i) {
        nodes[i].kill();
    }

    /** @return the number of nodes */
    public int size() {
        return nodes.length;
    }

    /** @return every process started so far, killed or not */
    public synchronized List<NodeProcess> started() {
        return List.copyOf(started);
    }

    /** @return the node whose discovery listens on {@code port}, or -1 */
    public int nodeOfDiscoveryPort(int port) {
        int i = port - base;
        return i >= 0 && i < nodes.length ? i : -1;
    }

    /** @return node {@code i}'s discovery port */
    public int discoveryPort(int i) {
        return base + i;
    }

    /** @return node {@code i}'s JDBC and thin client port */
    public int clientPort(int i) {
        return base + 20 + i;
    }

    /** @return the discovery addresses, as a client node's IP finder takes them */
    public String discoveryAddresses() {
        return properties.get("autopilot.discovery.addresses");
    }

    /** @return the thin client addresses of every node */
    public String[] clientAddresses() {
        String[] out = new String[nodes.length];
        for (int i = 0; i < nodes.length; i++)
            out[i] = "127.0.0.1:" + clientPort(i);
        return out;
    }

    /** @return a JDBC thin URL that tries every node */
    public String jdbcUrl() {
        return "jdbc:ignite:thin://" + String.join(",", clientAddresses());
    }

    /** @return the JDBC thin URL of node {@code i} alone */
    public String jdbcUrl(int i) {
        return "jdbc:ignite:thin://127.0.0.1:" + clientPort(i);
    }

    /** @return how many server nodes node {@code i} sees */
    private int servers(int i) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(i)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SYS.NODES WHERE IS_CLIENT = FALSE")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int running() {
        int n = 0;
        for (NodeProcess p : nodes) {
            if (p != null && p.alive())
                n++;
        }
        return n;
    }

    /** Kills every process this cluster started; none is left running. */
    @Override public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException e) {
            // The JVM is exiting: the hook runs, or ran, anyway.
        }
    }

    private synchronized void killAll() {
        for (NodeProcess p : started) {
            if (p.alive())
                p.kill();
        }
    }
}
