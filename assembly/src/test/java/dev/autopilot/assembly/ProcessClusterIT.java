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


package dev.autopilot.assembly;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import dev.autopilot.examples.cluster.IgniteHome;
import dev.autopilot.examples.cluster.NodeProcess;
import dev.autopilot.examples.cluster.ProcessCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A node process that ends by itself (a segmented node stops, and its process exits), not through the cluster's own
 * kill, is started again by {@link ProcessCluster#restartExited}, so that a fault run's next round has every node;
 * rebalancing to it is seen to end; and closing the cluster leaves no process behind.
 */
@Tag("processes")
class ProcessClusterIT {
    @Test
    void aNodeThatExitedByItselfIsStartedAgain() throws Exception {
        IgniteHome home = TestHomes.install("process-cluster");
        ProcessCluster cluster = ProcessCluster.start(home, home.config("autopilot-server.xml"), 2,
            Map.of("autopilot.adaptation.mode", "OFF"), TestHomes.runDir("process-cluster-logs"), "256m");
        try (cluster) {
            assertEquals(List.of(), cluster.restartExited(), "every node runs");
            NodeProcess second = cluster.started().get(1);
            second.kill();

            assertEquals(List.of(1), cluster.restartExited());
            assertEquals(2, servers(cluster.jdbcUrl(0)), "node 1 joined again");
            cluster.awaitRebalanced();
            assertEquals(3, cluster.started().size());
        }
        finally {
            TestHomes.assertNoneLeft(cluster.started());
        }
    }

    private static int servers(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SYS.NODES WHERE IS_CLIENT = FALSE")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
