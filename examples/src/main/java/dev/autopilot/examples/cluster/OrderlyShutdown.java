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

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteException;
import org.apache.ignite.Ignition;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.IgniteInternalFuture;
import org.apache.ignite.internal.processors.affinity.AffinityTopologyVersion;

/**
 * Stops the nodes of an embedded cluster one at a time, letting the others finish the partition exchange that each
 * departure starts before the next node stops. On Ignite 2.17 a node stopped while it is still running an exchange
 * can free in-memory pages under the exchange thread and crash the whole JVM (SIGSEGV in
 * {@code PageMemoryNoStoreImpl.allocatePage}); the demo and the benchmarks stop their clusters through here. The
 * plugin's tests hold the same code (their {@code OrderlyShutdown}): the product does not need it, so it is in no
 * product jar, and the modules share no test kit yet.
 */
public final class OrderlyShutdown {
    private static final long TIMEOUT_MILLIS = 30_000;

    private OrderlyShutdown() {
    }

    /** Stops {@code nodes}, last started first. */
    public static void stop(List<Ignite> nodes) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            UUID leaving = nodes.get(i).cluster().localNode().id();
            Ignition.stop(nodes.get(i).name(), true);
            for (int j = 0; j < i; j++)
                awaitDeparture(nodes.get(j), leaving);
        }
    }

    private static void awaitDeparture(Ignite node, UUID leaving) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        try {
            while (node.cluster().node(leaving) != null) {
                if (System.currentTimeMillis() > deadline)
                    return;
                TimeUnit.MILLISECONDS.sleep(10);
            }
            AffinityTopologyVersion ver = new AffinityTopologyVersion(node.cluster().topologyVersion());
            IgniteInternalFuture<AffinityTopologyVersion> ready = ((IgniteEx)node).context().cache().context()
                .exchange().affinityReadyFuture(ver);
            if (ready != null)
                ready.get(Math.max(1, deadline - System.currentTimeMillis()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IgniteException("Interrupted while stopping the cluster", e);
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Exchange after node " + leaving + " left did not finish", e);
        }
    }
}
