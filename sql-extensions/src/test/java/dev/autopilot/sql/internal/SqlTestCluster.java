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

package dev.autopilot.sql.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
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
 * Real Ignite server nodes in this JVM on loopback, Calcite as the SQL engine, on ports picked per run (below Linux's
 * ephemeral range) so that parallel builds do not meet. Node {@code i} listens for discovery on {@code base + i},
 * for communication on {@code base + 10 + i} and for thin clients on {@code base + 20 + i}.
 */
final class SqlTestCluster implements AutoCloseable {
    private final int base = 20_000 + ThreadLocalRandom.current().nextInt(400) * 30;
    private final String prefix = "sqlx-" + base + '-';
    private final List<Ignite> nodes = new ArrayList<>();

    SqlTestCluster(int count) {
        for (int i = 0; i < count; i++)
            nodes.add(Ignition.start(config(i)));
    }

    private IgniteConfiguration config(int i) {
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

    Ignite node(int i) {
        return nodes.get(i);
    }

    /** Runs one statement in schema PUBLIC through node 0 and returns all rows. */
    List<List<?>> sql(String sql, Object... args) {
        IgniteCache<?, ?> any = nodes.get(0).getOrCreateCache("sql-test-default");
        return any.query(new SqlFieldsQuery(sql).setSchema("PUBLIC").setArgs(args)).getAll();
    }

    /** Stops the nodes one at a time, each after the others have seen the previous one leave. */
    @Override public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Ignition.stop(nodes.get(i).name(), true);
            int alive = i;
            long deadline = System.currentTimeMillis() + 30_000;
            while (alive > 0 && nodes.get(0).cluster().nodes().size() > alive
                && System.currentTimeMillis() < deadline)
                LockSupport.parkNanos(20_000_000L);
        }
        nodes.clear();
    }
}
