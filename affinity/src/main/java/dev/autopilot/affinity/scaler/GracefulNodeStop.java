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

package dev.autopilot.affinity.scaler;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import dev.autopilot.affinity.apply.BaselinePlanExecutor;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteRunnable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * How the standby scaler removes a node in {@code APPLY} mode: {@code Ignition.stop(name, false)} run on the leaving
 * node through compute, under the {@code GRACEFUL} shutdown policy the executor sets, so the stop waits until each of
 * the node's partitions has another owner. The stop runs in a thread of its own (a job cannot wait for its own node's
 * jobs to finish), and this waits until the node has left. A node does not stop itself while it runs the scaler, which
 * must set the smaller baseline afterwards: then the operator is asked, in the log, to stop it.
 */
final class GracefulNodeStop implements BaselinePlanExecutor.NodeStopper {
    /** How long a removal waits for the node to leave before it is recorded as failed (and tried again later). */
    static final long WAIT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final Ignite ignite;
    private final IgniteLogger log;
    private final long waitMillis;

    GracefulNodeStop(Ignite ignite, IgniteLogger log, long waitMillis) {
        this.ignite = ignite;
        this.log = log;
        this.waitMillis = waitMillis;
    }

    @Override public void stop(String consistentId) throws Exception {
        Optional<ClusterNode> node = server(consistentId);
        if (node.isEmpty())
            return;
        if (node.get().isLocal()) {
            log.warning("Autopilot's standby scaler removes node " + consistentId + ", which runs the scaler: stop it "
                + "now (Ignition.stop(name, false), the shutdown policy is GRACEFUL); the smaller baseline is set once "
                + "it has left; waiting " + waitMillis + " ms");
        }
        else
            ignite.compute(ignite.cluster().forNode(node.get())).run(new StopLocalNode());
        long deadline = System.currentTimeMillis() + waitMillis;
        while (server(consistentId).isPresent()) {
            if (System.currentTimeMillis() > deadline)
                throw new IllegalStateException("node " + consistentId + " did not stop within " + waitMillis + " ms");
            Thread.sleep(100);
        }
    }

    private Optional<ClusterNode> server(String consistentId) {
        return ignite.cluster().forServers().nodes().stream()
            .filter(n -> consistentId.equals(String.valueOf(n.consistentId()))).findFirst();
    }

    /** Starts the graceful stop of the node it runs on. */
    private static final class StopLocalNode implements IgniteRunnable {
        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override public void run() {
            String name = ignite.name();
            Thread stop = new Thread(() -> Ignition.stop(name, false), "autopilot-graceful-stop-" + name);
            stop.setDaemon(true);
            stop.start();
        }
    }
}
