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

import java.util.ArrayList;
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
import org.apache.ignite.internal.processors.cache.CacheGroupContext;
import org.apache.ignite.internal.processors.cache.GridCacheSharedContext;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtLocalPartition;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtPartitionState;

/**
 * Stops the nodes of an embedded cluster one at a time, letting the others finish the partition exchange that each
 * departure starts before the next node stops. On Ignite 2.17 a node stopped while it is still running an exchange
 * can free in-memory pages under the exchange thread and crash the whole JVM (SIGSEGV in
 * {@code PageMemoryNoStoreImpl.allocatePage}); tests, demos and benchmarks that start and stop clusters in one JVM
 * stop them through here.
 */
public final class OrderlyShutdown {
    private static final long TIMEOUT_MILLIS = 30_000;

    private OrderlyShutdown() {
    }

    /**
     * Stops {@code nodes}, last started first, each once the ones before it have settled (see {@link #awaitSettled}):
     * a node that stops while another still rebalances from it makes that one log an ERROR ({@code Failed to send
     * message to remote node ... node left topology}) on an ordinary shutdown.
     */
    public static void stop(List<Ignite> nodes) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            awaitSettled(nodes.subList(0, i + 1));
            UUID leaving = nodes.get(i).cluster().localNode().id();
            Ignition.stop(nodes.get(i).name(), true);
            for (int j = 0; j < i; j++)
                awaitDeparture(nodes.get(j), leaving);
        }
    }

    /**
     * Stops one node of a cluster that goes on: first waits until no exchange is in progress and no partition is still
     * moving on any node (so every partition has all its copies and the node's leaving loses none), then stops it and
     * waits until {@code others} have finished the exchange its departure starts.
     */
    public static void stopOne(Ignite node, List<Ignite> others) {
        List<Ignite> all = new ArrayList<>(others);
        all.add(node);
        awaitSettled(all);
        UUID leaving = node.cluster().localNode().id();
        Ignition.stop(node.name(), true);
        others.forEach(n -> awaitDeparture(n, leaving));
    }

    /**
     * Waits until no exchange is in progress and no partition is moving on any of {@code nodes}: also what a freshly
     * started cluster waits for before its first statement, which Ignite otherwise may fail with "Topology was changed.
     * Please retry on stable topology" while the caches the nodes create at start are still being exchanged.
     */
    public static void awaitSettled(List<Ignite> nodes) {
        nodes.forEach(OrderlyShutdown::awaitSettled);
    }

    private static void awaitSettled(Ignite node) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        GridCacheSharedContext<?, ?> shared = ((IgniteEx)node).context().cache().context();
        try {
            shared.exchange().lastTopologyFuture().get(TIMEOUT_MILLIS);
            while (moving(shared) && System.currentTimeMillis() < deadline)
                TimeUnit.MILLISECONDS.sleep(20);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IgniteException("Interrupted while waiting for the cluster to settle", e);
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Exchange on " + node.name() + " did not finish", e);
        }
    }

    private static boolean moving(GridCacheSharedContext<?, ?> shared) {
        for (CacheGroupContext g : shared.cache().cacheGroups()) {
            for (GridDhtLocalPartition p : g.topology().localPartitions()) {
                if (p.state() == GridDhtPartitionState.MOVING)
                    return true;
            }
        }
        return false;
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
