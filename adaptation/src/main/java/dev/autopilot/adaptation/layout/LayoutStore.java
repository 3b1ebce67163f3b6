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

package dev.autopilot.adaptation.layout;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteException;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.metastorage.DistributedMetaStorage;
import org.apache.ignite.internal.processors.metastorage.DistributedMetastorageLifecycleListener;
import org.apache.ignite.internal.processors.metastorage.ReadableDistributedMetaStorage;

/**
 * The partition layouts of the cluster, kept in Ignite's distributed metastorage: every node holds a copy that it
 * reads locally, a write is acknowledged by every node before it returns, and a joining node receives the layouts
 * before it owns any partition. Each change gives this node a new {@link LayoutSnapshot}.
 */
public final class LayoutStore implements DistributedMetastorageLifecycleListener {
    private static final String PREFIX = "autopilot.layout.";

    private final Consumer<LayoutSnapshot> onChange;
    private final Map<String, PartitionLayout> layouts = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    private volatile DistributedMetaStorage metastorage;
    private volatile LayoutSnapshot snapshot = LayoutSnapshot.EMPTY;

    private LayoutStore(Consumer<LayoutSnapshot> onChange) {
        this.onChange = onChange;
    }

    /**
     * Subscribes a store to a node's metastorage; call it while the node starts (before its metastorage is ready).
     *
     * @param ctx the node's kernal context
     * @param onChange called with every new snapshot, on Ignite's discovery thread: keep it short
     * @return the store
     */
    public static LayoutStore register(GridKernalContext ctx, Consumer<LayoutSnapshot> onChange) {
        LayoutStore store = new LayoutStore(onChange);
        ctx.internalSubscriptionProcessor().registerDistributedMetastorageListener(store);
        return store;
    }

    @Override public void onReadyForRead(ReadableDistributedMetaStorage ms) {
        ms.listen(key -> key.startsWith(PREFIX), (String key, Serializable oldVal, Serializable newVal) ->
            changed(key, (String)newVal));
        try {
            ms.iterate(PREFIX, (key, val) -> layouts.put(key, LayoutCodec.read((String)val)));
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Cannot read the partition layouts", e);
        }
        publish();
    }

    @Override public void onReadyForWrite(DistributedMetaStorage ms) {
        metastorage = ms;
    }

    /** @return the layouts as this node sees them now */
    public LayoutSnapshot snapshot() {
        return snapshot;
    }

    /** @return the layout of {@code SCHEMA.TABLE}, or {@code null} */
    public PartitionLayout layout(String table) {
        return snapshot.table(table);
    }

    /** @return the layout of {@code SCHEMA.TABLE} as stored now, which this node's snapshot may not show yet */
    public PartitionLayout stored(String table) {
        try {
            String raw = writable().read(PREFIX + table);
            return raw == null ? null : LayoutCodec.read(raw);
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Cannot read the layout of " + table, e);
        }
    }

    /**
     * Changes one table's layout atomically across the cluster: reads the stored layout, applies {@code change} and
     * writes the result only if nobody changed it in between, retrying otherwise.
     *
     * @param table {@code SCHEMA.TABLE}
     * @param change from the current layout ({@code null} when there is none) to the next; returning the argument
     *     itself writes nothing
     * @return the layout stored afterwards
     */
    public PartitionLayout update(String table, UnaryOperator<PartitionLayout> change) {
        DistributedMetaStorage ms = writable();
        try {
            while (true) {
                String raw = ms.read(PREFIX + table);
                PartitionLayout current = raw == null ? null : LayoutCodec.read(raw);
                PartitionLayout next = change.apply(current);
                if (next == current)
                    return current;
                if (!next.table().table().equals(table))
                    throw new IllegalArgumentException("Layout of " + next.table().table() + " stored under " + table);
                if (ms.compareAndSet(PREFIX + table, raw, LayoutCodec.write(next)))
                    return next;
            }
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Cannot store the layout of " + table, e);
        }
    }

    /** Forgets a table's layout cluster-wide, once nothing Autopilot added to it is left. */
    public void remove(String table) {
        try {
            writable().remove(PREFIX + table);
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Cannot remove the layout of " + table, e);
        }
    }

    private DistributedMetaStorage writable() {
        DistributedMetaStorage ms = metastorage;
        if (ms == null)
            throw new IllegalStateException("The cluster's metastorage is not writable yet: is the cluster active?");
        return ms;
    }

    private void changed(String key, String json) {
        if (json == null)
            layouts.remove(key);
        else
            layouts.put(key, LayoutCodec.read(json));
        publish();
    }

    private synchronized void publish() {
        snapshot = new LayoutSnapshot(changes.incrementAndGet(), layouts.values());
        onChange.accept(snapshot);
    }
}
