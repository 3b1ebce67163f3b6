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

package dev.autopilot.adaptation.control;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import dev.autopilot.adaptation.apply.LayoutApplier;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.layout.LayoutStore;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationRecords;
import dev.autopilot.adaptation.manage.AdaptationRequests;
import dev.autopilot.adaptation.manage.TableOwners;
import dev.autopilot.adaptation.profile.ProfileValidator;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.expression.ProfileValidationException;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.stats.ManagedTable;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;

import static dev.autopilot.sql.tables.AutopilotTables.ADAPTATION_PINS;

/**
 * The {@link AdaptationControl} of one node, and what the adaptation manager asks of the tables: each change is
 * checked against the table as its user defined it (without Autopilot's derived columns) and its cache
 * ({@link AtomicCaches}), under the table's {@link TableOwners owner} lease, and refused for a pinned table.
 */
public final class NodeAdaptations implements AdaptationControl {
    private final Ignite ignite;
    private final IgniteLogger log;
    private final LayoutStore layouts;
    private final LayoutApplier applier;
    private final AdaptationRequests requests;
    private final AdaptationRecords records;
    private final TableOwners owners;
    private final Supplier<List<ManagedTable>> managedTables;
    private final Collection<String> pinnedTables;
    private final LongSupplier clock;
    private final LongAdder recommended = new LongAdder();

    /**
     * @param layouts the node's layouts
     * @param applier changes a table's layout at once ({@link #applyProfile}, {@link #removeStructures})
     * @param steps the steps the adaptation manager runs
     * @param managedTables the tables Autopilot manages now
     * @param pinnedTables tables the configuration pins
     * @param clock epoch millis
     */
    public NodeAdaptations(Ignite ignite, IgniteLogger log, LayoutStore layouts, LayoutApplier applier,
        LayoutSteps steps, AdaptationRecords records, TableOwners owners, Supplier<List<ManagedTable>> managedTables,
        Collection<String> pinnedTables, LongSupplier clock) {
        this.ignite = ignite;
        this.log = log;
        this.layouts = layouts;
        this.applier = applier;
        this.records = records;
        this.owners = owners;
        this.managedTables = managedTables;
        this.pinnedTables = pinnedTables;
        this.clock = clock;
        this.requests = new AdaptationRequests(records, owners, steps, clock);
    }

    @Override public PartitionLayout applyProfile(String profileJson) {
        SchemaProfile profile = new ProfileValidator(this::userSchema).read(profileJson);
        TableSchema table = adaptableSchema(profile.table());
        try (TableOwners.Lease ignored = owners.take(profile.table(), "applyProfile")) {
            return applier.apply(profile, table, filled -> {
                if (log.isDebugEnabled())
                    log.debug("Autopilot filled " + filled + " rows of " + profile.table());
            });
        }
    }

    @Override public String requestAdaptation(String profileJson) {
        SchemaProfile profile = new ProfileValidator(this::userSchema).read(profileJson);
        return requestAdaptation(profile, profileJson, Adaptation.REQUESTED);
    }

    /**
     * The manager's or a user's request.
     *
     * @param trigger what asked for it, as {@code AUTOPILOT.ADAPTATIONS} records it
     * @see #requestAdaptation(String)
     */
    public String requestAdaptation(SchemaProfile profile, String profileJson, String trigger) {
        requireUnpinned(profile.table());
        return requests.request(profile, profileJson, adaptableSchema(profile.table()), trigger);
    }

    /** Records a recommendation the manager made instead of adapting; see {@link #applyRecommendation}. */
    public String recommendAdaptation(SchemaProfile profile, String profileJson, String trigger) {
        String id = requests.recommend(profile, profileJson, adaptableSchema(profile.table()), trigger);
        recommended.increment();
        return id;
    }

    /** @return what {@code profile} would add to its table now */
    public LayoutPlan planOf(SchemaProfile profile) {
        return requests.plan(profile, adaptableSchema(profile.table()));
    }

    @Override public void applyRecommendation(String id) {
        Adaptation a = requests.recommendation(id);
        requireUnpinned(a.table());
        SchemaProfile profile = new ProfileValidator(this::userSchema).read(a.profile());
        requests.apply(id, profile, adaptableSchema(profile.table()));
    }

    @Override public void rejectRecommendation(String id, String reason) {
        requests.reject(id, reason == null ? "rejected by a user" : reason);
    }

    @Override public boolean rollbackAdaptation(String id) {
        return requests.rollback(id);
    }

    /**
     * Takes back an adaptation of the manager's that a newer profile of its table no longer wants, if it has not cut
     * over since the manager read it.
     *
     * @return whether it will be rolled back
     */
    public boolean supersedeAdaptation(String id, String why) {
        return requests.supersede(id, why);
    }

    @Override public void pin(String table, String reason) {
        ADAPTATION_PINS.cache(ignite).put(table, ADAPTATION_PINS.value(ignite.binary(), reason,
            new Timestamp(clock.getAsLong())));
    }

    @Override public void unpin(String table) {
        ADAPTATION_PINS.cache(ignite).remove(table);
    }

    @Override public boolean pinned(String table) {
        return pinnedTables.contains(table) || ADAPTATION_PINS.cache(ignite).containsKey(table);
    }

    @Override public List<Adaptation> adaptations() {
        return records.all();
    }

    @Override public void removeStructures(String table) {
        TableSchema schema = userSchema(table);
        try (TableOwners.Lease ignored = owners.take(table, "removeStructures")) {
            applier.removeAll(schema);
        }
    }

    @Override public long repairDerivedColumns(String table) {
        TableSchema schema = userSchema(table);
        try (TableOwners.Lease ignored = owners.take(table, "repairDerivedColumns")) {
            return applier.repair(schema);
        }
    }

    @Override public LayoutSnapshot layouts() {
        return layouts.snapshot();
    }

    /** @return the managed tables the manager may adapt ({@link AtomicCaches}), {@code SCHEMA.TABLE} */
    public List<String> managedTableNames() {
        return managedTables.get().stream().filter(t -> AtomicCaches.atomic(ignite, t.cacheName()))
            .map(ManagedTable::qualifiedName).toList();
    }

    /** @return the adaptation requests, for the node's DDL follower */
    public AdaptationRequests requests() {
        return requests;
    }

    /** @return recommendations this node's manager made instead of adapting, since the node started */
    public long recommended() {
        return recommended.sum();
    }

    /** @return the table as its user defined it, without the derived columns Autopilot added */
    public TableSchema userSchema(String table) {
        ManagedTable t = managedTables.get().stream().filter(m -> m.qualifiedName().equals(table)).findFirst()
            .orElseThrow(() -> new ProfileValidationException("table", "no table " + table + " that Autopilot manages"));
        TableSchema all = TableSchema.of(t, List.of());
        PartitionLayout layout = layouts.layout(table);
        if (layout == null)
            return all;
        Map<String, ColumnType> own = new LinkedHashMap<>(all.columns());
        own.keySet().retainAll(layout.table().columns().keySet());
        return new TableSchema(all.table(), all.cacheName(), own, all.primaryKey(), all.indexes());
    }

    /**
     * @return the table as its user defined it, for a change of its layout
     * @throws ProfileValidationException naming its cache when that is not ATOMIC
     */
    private TableSchema adaptableSchema(String table) {
        TableSchema t = userSchema(table);
        AtomicCaches.require(ignite, table, t.cacheName());
        return t;
    }

    private void requireUnpinned(String table) {
        if (pinned(table))
            throw new IllegalStateException(table + " is pinned: Autopilot does not adapt it until unpinned");
    }
}
