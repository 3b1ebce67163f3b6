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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import dev.autopilot.sql.layout.DerivedColumn;
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
 * before it owns any partition. What this node reads is each stored layout {@link LiveLayout#follow followed} to its
 * table as the node's SQL engine has it now: a new {@link LayoutSnapshot} follows every change of a layout and every
 * change of a table ({@link #tablesChanged}), so a user's DDL on a table is followed as soon as it is applied here.
 */
public final class LayoutStore implements DistributedMetastorageLifecycleListener {
    private static final String PREFIX = "autopilot.layout.";

    private final LiveTables tables;
    private final Consumer<LayoutSnapshot> onChange;
    /** The stored layouts by metastorage key, with their stored text. */
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final ReentrantLock publishing = new ReentrantLock();
    /** Whether something changed that no publish has followed yet. */
    private final AtomicBoolean pending = new AtomicBoolean();

    private volatile DistributedMetaStorage metastorage;
    private volatile LayoutSnapshot snapshot = LayoutSnapshot.EMPTY;

    /** One stored layout and the text it was read from. */
    private record Stored(String raw, PartitionLayout layout) {
    }

    private LayoutStore(LiveTables tables, Consumer<LayoutSnapshot> onChange) {
        this.tables = tables;
        this.onChange = onChange;
    }

    /**
     * Subscribes a store to a node's metastorage; call it while the node starts (before its metastorage is ready).
     *
     * @param ctx the node's kernal context
     * @param tables the node's SQL tables now
     * @param onChange called with every new snapshot, on Ignite's discovery or exchange thread: keep it short
     * @return the store
     */
    public static LayoutStore register(GridKernalContext ctx, LiveTables tables, Consumer<LayoutSnapshot> onChange) {
        LayoutStore store = new LayoutStore(tables, onChange);
        ctx.internalSubscriptionProcessor().registerDistributedMetastorageListener(store);
        return store;
    }

    @Override public void onReadyForRead(ReadableDistributedMetaStorage ms) {
        ms.listen(key -> key.startsWith(PREFIX), (String key, Serializable oldVal, Serializable newVal) ->
            changed(key, (String)newVal));
        try {
            ms.iterate(PREFIX, (key, val) -> stored.put(key, new Stored((String)val, LayoutCodec.read((String)val))));
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
     * @return the derived columns of the table whose expression reads a column a user dropped since: the layout
     *     readers get leaves them out, and nothing derives them
     */
    public List<DerivedColumn> broken(String table) {
        Stored s = stored.get(PREFIX + table);
        LiveTable live = tables.table(table);
        return s == null || live == null ? List.of() : LiveLayout.broken(s.layout(), live);
    }

    /** Follows a change of the node's tables (a user's DDL, or a table started here): call it once it is applied. */
    public void tablesChanged() {
        publish();
    }

    /**
     * Forgets a dropped table's layout on this node at once, so that nothing here applies it to a new table of the
     * same name; remove it from the cluster with {@link #removeIfUnchanged}.
     *
     * @return the stored text of the layout, {@code null} if there was none
     */
    public String forget(String table) {
        Stored s = stored.remove(PREFIX + table);
        publish();
        return s == null ? null : s.raw();
    }

    /**
     * Changes one table's layout atomically across the cluster: reads the stored layout, applies {@code change} to its
     * {@link LiveLayout#base base} on the table now and writes the result only if nobody changed it in between,
     * retrying otherwise.
     *
     * @param table {@code SCHEMA.TABLE}
     * @param change from the current layout ({@code null} when there is none) to the next; returning the argument
     *     itself writes nothing
     * @return the layout stored afterwards
     * @throws IllegalStateException when the table does not exist (it was dropped): its layout is not written
     */
    public PartitionLayout update(String table, UnaryOperator<PartitionLayout> change) {
        DistributedMetaStorage ms = writable();
        try {
            while (true) {
                LiveTable live = tables.table(table);
                if (live == null)
                    throw new IllegalStateException("Table " + table + " does not exist: it was dropped");
                String raw = ms.read(PREFIX + table);
                PartitionLayout current = raw == null ? null : LiveLayout.base(LayoutCodec.read(raw), live);
                PartitionLayout next = change.apply(current);
                if (next == current)
                    return current;
                if (!next.table().table().equals(table))
                    throw new IllegalArgumentException("Layout of " + next.table().table() + " stored under " + table);
                String json = LayoutCodec.write(next);
                // Every node reads it back on Ignite's discovery thread: what cannot be read must not be written.
                LayoutCodec.read(json);
                if (ms.compareAndSet(PREFIX + table, raw, json))
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

    /** Removes a table's layout cluster-wide if none of its derived columns and indexes is left in the table. */
    public void removeIfEmpty(String table) {
        DistributedMetaStorage ms = writable();
        try {
            String raw = ms.read(PREFIX + table);
            LiveTable live = tables.table(table);
            PartitionLayout base = raw == null || live == null ? null : LiveLayout.base(LayoutCodec.read(raw), live);
            if (raw != null && (base == null || base.derived().isEmpty() && base.indexes().isEmpty()))
                ms.compareAndRemove(PREFIX + table, raw);
        }
        catch (IgniteCheckedException e) {
            throw new IgniteException("Cannot remove the layout of " + table, e);
        }
    }

    /**
     * Removes a dropped table's layout cluster-wide unless it changed since {@link #forget}: a layout written since
     * is a new table's.
     *
     * @param raw what {@link #forget} returned
     */
    public void removeIfUnchanged(String table, String raw) {
        try {
            writable().compareAndRemove(PREFIX + table, raw);
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
            stored.remove(key);
        else
            stored.put(key, new Stored(json, LayoutCodec.read(json)));
        publish();
    }

    /**
     * Gives this node a new snapshot if the layouts followed to the tables now differ from the last one's. Never waits
     * for a publish on another thread: Ignite tells of a table's change under its schema lock, which a publish running
     * elsewhere may be waiting for to read a table; that publish runs once more instead, after the change.
     */
    private void publish() {
        pending.set(true);
        while (pending.get() && publishing.tryLock()) {
            try {
                if (pending.getAndSet(false))
                    follow();
            }
            finally {
                publishing.unlock();
            }
        }
    }

    private void follow() {
        List<PartitionLayout> followed = new ArrayList<>();
        Map<String, Long> versions = new HashMap<>();
        for (Stored s : stored.values()) {
            String table = s.layout().table().table();
            versions.put(table, s.layout().version());
            PartitionLayout l = LiveLayout.follow(s.layout(), tables.table(table));
            if (l != null)
                followed.add(l);
        }
        if (changes.get() > 0 && Set.copyOf(followed).equals(Set.copyOf(snapshot.all()))
            && versions.equals(snapshot.layoutVersions()))
            return;
        snapshot = new LayoutSnapshot(changes.incrementAndGet(), followed, versions);
        onChange.accept(snapshot);
    }
}
