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

package dev.autopilot.sql.background;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.cluster.ClusterNode;

/**
 * The server nodes that have finished starting, so that Autopilot runs its own SQL only when every server can take
 * part in it. Ignite's Calcite engine maps a query's intermediate fragments to any server of the topology, a node that
 * is still starting included; that node fails its fragment, the query fails, and the node that started the query logs
 * {@code Failed to start query fragment ... The query was cancelled} at ERROR when its own fragment arrives after the
 * failure. That happened on joins that met a query of the statistics refresh or of the adaptation manager, and
 * likewise when a server stopped while one ran; a stopping server is counted out ({@link #leaving}), and so is every
 * change of the topology until this node finished its exchange: a query started in between is mapped on the
 * topology before the change, the departed node included.
 *
 * <p>Each node tells the other servers when it has started ({@link #announce}, called from the plugin's start, which
 * Ignite runs once the node is up); the servers already in the topology when a node starts count as started. A server
 * that has not said so within {@link #GRACE_MILLIS} of being seen counts as started anyway, so that a lost word delays
 * Autopilot's work rather than stopping it.
 */
public final class StartedServers {
    /** The topic a node announces its start on. */
    static final String TOPIC = "autopilot-server-started";

    /** How long a server may be seen without having said it started; a node starts in seconds. */
    static final long GRACE_MILLIS = 60_000;

    private final Ignite ignite;
    private final LongSupplier clock;
    /** Whether this node has finished the exchange of the topology it sees. */
    private final BooleanSupplier exchanged;
    /** Servers known to have started (value 0), or first seen still starting (value: when). */
    private final Map<UUID, Long> seen = new ConcurrentHashMap<>();
    /** Servers that have begun to stop and may still be in the topology. */
    private final Set<UUID> leaving = ConcurrentHashMap.newKeySet();

    private StartedServers(Ignite ignite, LongSupplier clock, BooleanSupplier exchanged) {
        this.ignite = ignite;
        this.clock = clock;
        this.exchanged = exchanged;
    }

    /**
     * Listens for the servers that start from now on, counts those in the topology now as started, and tells them
     * that this node has started.
     */
    public static StartedServers announce(Ignite ignite, LongSupplier clock, BooleanSupplier exchanged,
        IgniteLogger log) {
        StartedServers servers = new StartedServers(ignite, clock, exchanged);
        ignite.message().localListen(TOPIC, (UUID from, Object msg) -> {
            servers.seen.put(from, 0L);
            return true;
        });
        ignite.cluster().forServers().nodes().forEach(n -> servers.seen.put(n.id(), 0L));
        ClusterGroup others = ignite.cluster().forServers().forRemotes();
        try {
            if (!others.nodes().isEmpty())
                ignite.message(others).send(TOPIC, Boolean.TRUE);
        }
        catch (IgniteException e) {
            // A server that left meanwhile needs no word; one that could not be told waits for the grace period.
            log.info("Autopilot could not tell every server that this node started: " + e.getMessage());
        }
        return servers;
    }

    /** Counts {@code node} out from now on: it has begun to stop, and a query that reaches it would fail. */
    void leaving(UUID node) {
        leaving.add(node);
    }

    /**
     * @return whether every server node in the topology has finished starting, none has begun to stop, and this node
     *     has finished the exchange of that topology
     */
    boolean all() {
        if (!exchanged.getAsBoolean())
            return false;
        long now = clock.getAsLong();
        boolean all = true;
        for (ClusterNode n : ignite.cluster().forServers().nodes()) {
            long since = seen.computeIfAbsent(n.id(), id -> now);
            if (since != 0 && now - since < GRACE_MILLIS || leaving.contains(n.id()))
                all = false;
        }
        return all;
    }
}
