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

package dev.autopilot.adaptation.manage;

import java.sql.Timestamp;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;

import static dev.autopilot.sql.tables.AutopilotTables.TABLE_OWNERS;

/**
 * The one writer of each table's layout, recorded in {@code AUTOPILOT.TABLE_OWNERS}: an adaptation from its request
 * until it is finished, or a call of the Java API ({@code applyProfile}, {@code removeStructures},
 * {@code repairDerivedColumns}) while it runs. Every entry point that changes a layout takes the table first, by a
 * put-if-absent: checking for a running adaptation and then acting let another writer start in between, and two
 * writers interleaving their layout changes and DDL leave a layout that names what is gone. An owner that can no
 * longer give the table back is taken over: an adaptation once its record is finished, a call once its node left.
 */
public final class TableOwners {
    private final Ignite ignite;
    private final AdaptationRecords records;
    private final LongSupplier clock;

    /**
     * @param ignite a node of the cluster
     * @param records the adaptation records, which tell whether an adaptation still owns its table
     * @param clock epoch millis
     */
    public TableOwners(Ignite ignite, AdaptationRecords records, LongSupplier clock) {
        this.ignite = ignite;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Takes a table for a call of the Java API on this node.
     *
     * @param table {@code SCHEMA.TABLE}
     * @param call what is called, for whoever finds the table taken
     * @return the table's lease: closing it gives the table back
     * @throws IllegalStateException naming the owner when another one has the table
     */
    public Lease take(String table, String call) {
        Owner mine = new Owner(null, call, ignite.cluster().localNode().id(), clock.getAsLong());
        if (!take(table, mine))
            throw new IllegalStateException(describe(table));
        return new Lease(table, mine);
    }

    /**
     * Takes a table for an adaptation about to be recorded; it is given back when the runner finds it finished, or by
     * {@link #release(String, String)} when it is not recorded after all.
     *
     * @throws IllegalStateException naming the owner when another one has the table
     */
    public void takeFor(String table, String adaptationId) {
        if (!take(table, new Owner(adaptationId, "adaptation", ignite.cluster().localNode().id(), clock.getAsLong())))
            throw new IllegalStateException(describe(table));
    }

    /**
     * @return whether {@code a} owns its table now: it did, or the table was free (an adaptation recorded before
     *     tables had owners) and is now its
     */
    public boolean claim(Adaptation a) {
        return take(a.table(), new Owner(a.id(), "adaptation", ignite.cluster().localNode().id(), clock.getAsLong()));
    }

    /** Gives back the table of a finished adaptation, if it still owns it. */
    public void release(Adaptation a) {
        release(a.table(), a.id());
    }

    /** Gives back {@code table} if adaptation {@code adaptationId} owns it. */
    public void release(String table, String adaptationId) {
        BinaryObject row = cache().get(table);
        if (row != null && adaptationId.equals(owner(row).adaptationId()))
            cache().remove(table, row);
    }

    /** @return who has {@code table}, as a sentence for an error message or a log */
    public String describe(String table) {
        BinaryObject row = cache().get(table);
        if (row == null)
            return "Table " + table + " has no owner";
        Owner o = owner(row);
        if (o.adaptationId() == null) {
            return "Table " + table + " is being changed by " + o.holder() + " on node " + o.node() + " since "
                + new Timestamp(o.since()) + "; try again when it returns";
        }
        Adaptation a = records.get(o.adaptationId());
        return "Table " + table + " is being adapted by adaptation " + o.adaptationId() + " (step "
            + (a == null ? "being requested" : a.step()) + "); try again when it is finished, or roll it back";
    }

    private boolean take(String table, Owner mine) {
        IgniteCache<Object, BinaryObject> cache = cache();
        while (true) {
            BinaryObject row = cache.get(table);
            if (row == null) {
                if (cache.putIfAbsent(table, row(mine)))
                    return true;
                continue;
            }
            Owner o = owner(row);
            if (mine.adaptationId() != null && mine.adaptationId().equals(o.adaptationId()))
                return true;
            if (!gone(o))
                return false;
            if (cache.replace(table, row, row(mine)))
                return true;
        }
    }

    /** @return whether {@code o} can no longer give its table back */
    private boolean gone(Owner o) {
        if (o.adaptationId() != null) {
            Adaptation a = records.get(o.adaptationId());
            if (a != null && a.step().active())
                return false;
            if (a != null && a.step().finished())
                return true;
        }
        return ignite.cluster().node(o.node()) == null;
    }

    private IgniteCache<Object, BinaryObject> cache() {
        return TABLE_OWNERS.cache(ignite);
    }

    private BinaryObject row(Owner o) {
        return TABLE_OWNERS.value(ignite.binary(), o.adaptationId(), o.holder(), o.node().toString(),
            new Timestamp(o.since()));
    }

    private static Owner owner(BinaryObject row) {
        return new Owner(row.field("ADAPTATION_ID"), row.field("HOLDER"), UUID.fromString(row.field("NODE_ID")),
            row.<Timestamp>field("SINCE").getTime());
    }

    /**
     * Who has a table.
     *
     * @param adaptationId the adaptation that has it, {@code null} for a call
     * @param holder what has it: {@code adaptation}, or the call
     * @param node the node that took it
     * @param since when, epoch millis
     */
    private record Owner(String adaptationId, String holder, UUID node, long since) {
    }

    /** A table taken by a call of the Java API, given back when closed. */
    public final class Lease implements AutoCloseable {
        private final String table;
        private final Owner owner;

        private Lease(String table, Owner owner) {
            this.table = table;
            this.owner = owner;
        }

        @Override public void close() {
            cache().remove(table, row(owner));
        }
    }
}
