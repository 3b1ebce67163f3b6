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

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import dev.autopilot.examples.cluster.IgniteHome;
import dev.autopilot.examples.cluster.ProcessCluster;

/**
 * One whole fault run on an installation: starts the server nodes as processes from the package's Spring XML, with
 * the adaptation manager's own initiative off (the run requests every adaptation), two-second query-log windows (so
 * that the watch after a cut-over takes seconds) and no latency throttle on fills, loads {@link FaultTable}, writes and checks while {@link FaultRun}
 * kills. The fault test and the fault benchmark both run this.
 */
public final class FaultSession {
    /**
     * What the Spring XML's {@code ${...}} values are set to on every node. The fill's latency check is off: on a
     * shared machine other processes' load slows the point-read probes, and the throttle then stretched a 6,000-row
     * fill to 6 rows/s (pausing 32 times each batch's time); the nice ratio still pauses half each batch's time.
     */
    static final Map<String, String> NODE_PROPERTIES = Map.of("autopilot.adaptation.mode", "OFF",
        "autopilot.windowSeconds", "2", "autopilot.adaptation.fillLatencyRatio", "0");

    private FaultSession() {
    }

    /**
     * @param home the installation
     * @param logs where the nodes' output goes
     * @param nodes server nodes, each a JVM with a 512 MB heap
     * @return the nodes, started; closing the cluster kills them
     */
    public static ProcessCluster startCluster(IgniteHome home, Path logs, int nodes) throws IOException {
        return ProcessCluster.start(home, home.config("autopilot-server.xml"), nodes, NODE_PROPERTIES, logs, "512m");
    }

    /**
     * @param cluster nodes from {@link #startCluster}
     * @param rows rows loaded; the first tenth are not written, for the rewrite check
     * @param kills kills to make
     * @param settleBound how long an adaptation may take from its kill to its end before it counts as stuck
     * @param budget time after which no adaptation starts, whatever the kills made
     */
    public static FaultResult run(ProcessCluster cluster, int rows, int kills, Duration settleBound, Duration budget)
        throws IOException, SQLException, InterruptedException {
        int frozen = rows / 20 * 2;
        try (Jdbc jdbc = new Jdbc(cluster.jdbcUrl())) {
            FaultTable.create(jdbc.get(), rows);
        }
        try (CheckedWrites writes = CheckedWrites.start(cluster, rows, frozen)) {
            FaultRun run = new FaultRun(cluster, settleBound);
            try {
                return run.run(kills, budget, writes);
            }
            finally {
                run.report().forEach(System.out::println);
                System.out.println(writes.summary());
                run.close();
            }
        }
    }
}
