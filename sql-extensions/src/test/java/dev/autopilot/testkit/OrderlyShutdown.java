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

package dev.autopilot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.ShutdownPolicy;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.IgniteInternalFuture;
import org.apache.ignite.internal.IgnitionEx;
import org.apache.ignite.internal.processors.affinity.AffinityTopologyVersion;
import org.apache.ignite.internal.processors.cache.GridCacheSharedContext;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtPartitionState;

/**
 * Stops nodes of a cluster in this JVM one at a time, each only after the others finished the partition exchange the
 * previous departure started. On Ignite 2.17 a node stopped while it still runs an exchange can free in-memory pages
 * under the exchange thread and crash the whole JVM (SIGSEGV in {@code PageMemoryNoStoreImpl.allocatePage}), taking
 * the test run with it. The kit's own copy: tests may not depend on how the product stops its demo clusters.
 */
final class OrderlyShutdown {
    private static final Duration TIMEOUT = Await.DEFAULT_TIMEOUT;

    private OrderlyShutdown() {
    }

    /**
     * Waits until no exchange is in progress and no partition is moving on any of {@code nodes}: what a freshly
     * started cluster waits for before its first statement (which Ignite may otherwise fail with "Topology was changed.
     * Please retry on stable topology"), and a node that is to leave before it goes (so that it takes no last copy).
     */
    static void awaitSettled(List<Ignite> nodes) {
        for (Ignite node : nodes) {
            GridCacheSharedContext<?, ?> shared = ((IgniteEx)node).context().cache().context();
            finish(shared.exchange().lastTopologyFuture(), "the last exchange on " + node.name());
            Await.until("no partition moving on " + node.name(), () -> !moving(shared), TIMEOUT);
        }
    }

    /**
     * Stops {@code node} of a cluster that goes on, under the cluster's shutdown policy (a graceful one waits for
     * backups): first waits until all nodes settled, then until {@code others} finished the exchange its departure
     * starts.
     */
    static void stopOne(Ignite node, List<Ignite> others) {
        List<Ignite> all = new ArrayList<>(others);
        all.add(node);
        awaitSettled(all);
        halt(node, null, others);
    }

    /** Stops {@code node} now, as a crash would (no wait for backups), and waits until {@code others} caught up. */
    static void kill(Ignite node, List<Ignite> others) {
        halt(node, ShutdownPolicy.IMMEDIATE, others);
    }

    /**
     * Stops {@code nodes}, last started first, each at once (the whole cluster goes: no backup is worth waiting for).
     * Goes on after a node that fails to stop in order, so that none is left running into the next test, and fails
     * with the first failure at the end.
     */
    static void stopAll(List<Ignite> nodes) {
        AssertionError failure = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                kill(nodes.get(i), nodes.subList(0, i));
            }
            catch (RuntimeException | AssertionError e) {
                if (failure == null)
                    failure = new AssertionError("The cluster did not stop in order", e);
                else
                    failure.addSuppressed(e);
            }
        }
        if (failure != null)
            throw failure;
    }

    /**
     * Stops {@code node} unless something else did (a failure handler, the code under test), and waits for the
     * {@code others} that still run.
     *
     * @param policy {@code null} for the cluster's
     */
    private static void halt(Ignite node, ShutdownPolicy policy, List<Ignite> others) {
        if (!running(node))
            return;
        UUID leaving = node.cluster().localNode().id();
        IgnitionEx.stop(node.name(), true, policy, false);
        for (Ignite other : others) {
            if (running(other))
                awaitDeparture(other, leaving);
        }
    }

    private static boolean running(Ignite node) {
        return Ignition.state(node.name()) == IgniteState.STARTED;
    }

    private static void awaitDeparture(Ignite node, UUID leaving) {
        Await.until("node " + leaving + " gone from the topology of " + node.name(),
            () -> node.cluster().node(leaving) == null, TIMEOUT);
        AffinityTopologyVersion ver = new AffinityTopologyVersion(node.cluster().topologyVersion());
        IgniteInternalFuture<AffinityTopologyVersion> ready = ((IgniteEx)node).context().cache().context().exchange()
            .affinityReadyFuture(ver);
        if (ready != null)
            finish(ready, "the exchange on " + node.name() + " after node " + leaving + " left");
    }

    private static void finish(IgniteInternalFuture<?> future, String what) {
        try {
            future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (IgniteCheckedException e) {
            throw new AssertionError(what + " failed or did not finish within " + TIMEOUT.toMillis() + " ms", e);
        }
    }

    private static boolean moving(GridCacheSharedContext<?, ?> shared) {
        return shared.cache().cacheGroups().stream().flatMap(group -> group.topology().localPartitions().stream())
            .anyMatch(part -> part.state() == GridDhtPartitionState.MOVING);
    }
}
