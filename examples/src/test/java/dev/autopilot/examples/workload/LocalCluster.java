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

package dev.autopilot.examples.workload;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import dev.autopilot.examples.cluster.OrderlyShutdown;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.Ignition;
import org.apache.ignite.calcite.CalciteQueryEngineConfiguration;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.SqlConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * Server nodes in this JVM with the Calcite engine as default, on ports picked at random per run so parallel
 * builds do not join each other's cluster. Clients reach it through {@link #jdbcUrl()} only.
 *
 * <p>Discovery and communication get port ranges and find a free port themselves; the JDBC port must be known,
 * so it is fixed per node, taken above Linux's default ephemeral range (32768-60999), and the whole start is
 * retried with new ports if a port is taken anyway.
 */
final class LocalCluster implements AutoCloseable {
    private static final int START_ATTEMPTS = 3;

    private final List<Ignite> nodes = new ArrayList<>();

    private final Path workDirectory;

    private final int clientPort;

    private LocalCluster(Path workDirectory, int clientPort) {
        this.workDirectory = workDirectory;
        this.clientPort = clientPort;
    }

    /** Starts {@code size} server nodes and waits until they form one cluster. */
    static LocalCluster start(int size) throws IOException {
        Path workDirectory = Files.createTempDirectory("workload-test-ignite");

        for (int attempt = 1; ; attempt++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            LocalCluster cluster = new LocalCluster(workDirectory, 61000 + 2 * random.nextInt(2000));
            int discoveryPort = 47500 + 10 * random.nextInt(401);
            int communicationPort = 52000 + 10 * random.nextInt(401);

            try {
                for (int i = 0; i < size; i++)
                    cluster.nodes.add(Ignition.start(cluster.configuration(i, discoveryPort, communicationPort)));

                return cluster;
            }
            catch (IgniteException e) {
                cluster.stopNodes();

                if (attempt == START_ATTEMPTS || !causedByBind(e)) {
                    cluster.deleteWorkDirectory();

                    throw e;
                }
            }
        }
    }

    /** A JDBC thin URL of the first node. */
    String jdbcUrl() {
        return "jdbc:ignite:thin://127.0.0.1:" + clientPort;
    }

    @Override
    public void close() throws IOException {
        stopNodes();
        deleteWorkDirectory();
    }

    private void stopNodes() {
        OrderlyShutdown.stop(nodes);
        nodes.clear();
    }

    private void deleteWorkDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList())
                Files.delete(path);
        }
    }

    private static boolean causedByBind(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException)
                return true;
        }

        return false;
    }

    private IgniteConfiguration configuration(int index, int discoveryPort, int communicationPort) {
        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder()
            .setAddresses(List.of("127.0.0.1:" + discoveryPort + ".." + (discoveryPort + 9)));

        return new IgniteConfiguration()
            .setIgniteInstanceName("workload-test-" + index)
            .setWorkDirectory(workDirectory.toString())
            .setLocalHost("127.0.0.1")
            .setDiscoverySpi(new TcpDiscoverySpi()
                .setIpFinder(ipFinder)
                .setLocalPort(discoveryPort)
                .setLocalPortRange(10))
            .setCommunicationSpi(new TcpCommunicationSpi()
                .setLocalPort(communicationPort)
                .setLocalPortRange(10))
            .setClientConnectorConfiguration(new ClientConnectorConfiguration()
                .setPort(clientPort + index)
                .setPortRange(0))
            .setSqlConfiguration(new SqlConfiguration()
                .setQueryEnginesConfiguration(new CalciteQueryEngineConfiguration().setDefault(true)))
            .setFailureHandler(new StopNodeFailureHandler())
            .setMetricsLogFrequency(0);
    }
}
