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

package dev.autopilot.adaptation.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.cache.Cache;
import dev.autopilot.adaptation.derive.FunctionCompiler;
import dev.autopilot.adaptation.derive.RowDeriver;
import dev.autopilot.adaptation.layout.LayoutStore;
import dev.autopilot.adaptation.profile.DerivedAttribute;
import dev.autopilot.adaptation.profile.IndexRecommendation;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.capture.OwnStatements;
import dev.autopilot.sql.derived.DerivedValueException;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.expression.DerivedNames;
import dev.autopilot.sql.expression.ProfileValidationException;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.rewrite.QueryRewriter;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cache.query.SqlFieldsQuery;

/**
 * The steps that carry a partition from its layout to the structures of a {@link LayoutPlan}, each one idempotent, so
 * that a change interrupted anywhere (its node died) can be resumed, or taken back, by running steps again.
 * Until {@link #cutOver} the rewriter does not use anything a plan adds; only writes keep the new columns current.
 */
public final class LayoutSteps {
    /** The SQL type of search-key columns. */
    private static final String SEARCH_KEY_TYPE = "DOUBLE";

    private final Ignite ignite;
    private final LayoutStore store;
    private final FunctionCompiler compiler;
    private final Filler filler;
    private final Ddl ddl;
    private final LayoutDrain drain;
    private final int buildThreads;

    /**
     * @param ignite the local node
     * @param store the cluster's layouts
     * @param compiler compiles expressions as Ignite SQL does, for the column types
     * @param pluginName the name of the plugin implementing {@code Derivations} on every node
     * @param fill how fills share the cluster with its users
     * @param drain waits, before a structure stops being kept current or is dropped, until no plan can read it
     */
    public LayoutSteps(Ignite ignite, LayoutStore store, FunctionCompiler compiler, String pluginName,
        FillSettings fill, LayoutDrain drain) {
        this.ignite = ignite;
        this.store = store;
        this.compiler = compiler;
        this.filler = new Filler(ignite, pluginName, fill);
        this.ddl = new Ddl(ignite);
        this.drain = drain;
        this.buildThreads = fill.threads();
    }

    /** @return the partition's layout now, an empty one when Autopilot added nothing to it */
    public PartitionLayout current(TableSchema table) {
        PartitionLayout l = store.layout(table.table());
        return l != null ? l : new PartitionLayout(table, 0, List.of(), List.of(), true);
    }

    /**
     * @param profile what to add; structures the partition has already are left out
     * @param current the partition's layout now
     * @return what the profile adds
     * @throws ProfileValidationException naming the field when the profile does not fit the table
     */
    public LayoutPlan plan(SchemaProfile profile, PartitionLayout current) {
        List<LayoutPlan.NewColumn> columns = newColumns(profile, current);
        return LayoutPlan.adding(columns, newIndexes(profile, current, columns));
    }

    /**
     * @param profile the partition's whole profile: what the partition has and the profile leaves out is retired
     * @param current the partition's layout now
     * @return what the profile adds, and what it retires
     * @throws ProfileValidationException naming the field when the profile does not fit the table
     */
    public LayoutPlan replacing(SchemaProfile profile, PartitionLayout current) {
        LayoutPlan adding = plan(profile, current);
        Set<String> keptColumns = new HashSet<>();
        if (profile.derivedAttributes() != null)
            profile.derivedAttributes().forEach(a -> keptColumns.add(a.name()));
        List<String> retiredColumns = current.derived().stream().map(DerivedColumn::name)
            .filter(c -> !keptColumns.contains(c)).toList();
        Set<String> keptIndexes = new HashSet<>();
        wantedIndexes(profile, current).forEach(r -> keptIndexes.add(r.name()));
        List<LayoutIndex> retiredIndexes = current.indexes().stream()
            .filter(i -> !keptIndexes.contains(i.name()) || i.columns().stream().anyMatch(retiredColumns::contains))
            .toList();
        return new LayoutPlan(adding.columns(), adding.indexes(), retiredColumns, retiredIndexes);
    }

    /**
     * Adds the plan's columns to the layout as {@code BUILDING}, then to the table: once it returns, every node's
     * writes derive them. Listed first, they are never a column of the table that the layout does not list, which
     * readers would take for one of the user's ({@code SELECT *} would show it); readers leave a listed column out
     * until their node's table has it. Before the layout lists them, one row is derived here, so that Ignite learns the
     * rows' new binary schema on this thread: a write that met it first would register it from a striped thread,
     * waiting for a discovery message, and a partition exchange starting then would wait for that write (a deadlock
     * seen when a node joined).
     */
    public void addColumns(TableSchema table, LayoutPlan plan) {
        if (plan.columns().isEmpty())
            return;
        deriveOneRow(table, withColumns(store.layout(table.table()), table, plan));
        store.update(table.table(), l -> {
            PartitionLayout next = withColumns(l, table, plan);
            return l != null && next.derived().size() == l.derived().size() ? l : next;
        });
        Map<String, String> columns = new LinkedHashMap<>();
        plan.columns().forEach(c -> columns.put(c.column().name(), c.type()));
        ddl.addColumns(table, columns);
        // Every node applies the schema change before a later layout write, whose return waits for every node.
        store.update(table.table(), l -> new PartitionLayout(l.table(), l.version() + 1, l.derived(), l.indexes(),
            l.rewritable()));
    }

    /** @return the layout {@code l} with the plan's columns that it lacks added at its end, as a new version */
    private PartitionLayout withColumns(PartitionLayout l, TableSchema table, LayoutPlan plan) {
        PartitionLayout base = l != null ? l : current(table);
        List<DerivedColumn> derived = new ArrayList<>(base.derived());
        for (LayoutPlan.NewColumn c : plan.columns()) {
            if (derived.stream().noneMatch(d -> d.name().equals(c.column().name())))
                derived.add(c.column());
        }
        return new PartitionLayout(base.table(), base.version() + 1, derived, base.indexes(), base.rewritable());
    }

    /** Derives one row of the table, if it has one, by the layout and throws the result away. */
    private void deriveOneRow(TableSchema table, PartitionLayout layout) {
        ScanQuery<Object, Object> scan = new ScanQuery<>();
        scan.setPageSize(1);
        try (QueryCursor<Cache.Entry<Object, Object>> rows = ignite.cache(table.cacheName()).withKeepBinary()
            .query(scan)) {
            Iterator<Cache.Entry<Object, Object>> it = rows.iterator();
            if (it.hasNext()) {
                Cache.Entry<Object, Object> row = it.next();
                RowDeriver.compile(ignite.binary(), compiler, layout).derive(row.getKey(), row.getValue());
            }
        }
        catch (DerivedValueException e) {
            // This row cannot be derived (SQL fails on it too), so no write gives it the new schema.
        }
    }

    /** @return the rows of the table now (primary copies), for a fill's progress */
    public long rows(TableSchema table) {
        return ignite.cache(table.cacheName()).sizeLong();
    }

    /**
     * Fills the derived columns of the rows already in the table, paced by the fill's throttle.
     *
     * @return whether every partition from {@code fromPartition} on was filled (not stopped by {@code progress})
     */
    public boolean fill(TableSchema table, int fromPartition, FillProgress progress) {
        return filler.fill(table.cacheName(), fromPartition, progress);
    }

    /**
     * @param columns derived columns of the table
     * @return rows where one of them differs from what Ignite SQL computes from the row now
     */
    public long staleRows(TableSchema table, List<DerivedColumn> columns) {
        if (columns.isEmpty())
            return 0;
        String differs = columns.stream()
            .map(c -> '(' + Ddl.quote(c.name()) + " IS DISTINCT FROM (" + c.storedSql() + "))")
            .collect(Collectors.joining(" OR "));
        List<List<?>> rows = ignite.cache(table.cacheName()).query(new SqlFieldsQuery(OwnStatements.mark(
            QueryRewriter.NO_REWRITE + " SELECT COUNT(*) FROM " + Ddl.qualified(table) + " WHERE " + differs))).getAll();
        return ((Number)rows.get(0).get(0)).longValue();
    }

    /**
     * Builds indexes online, those that do not exist yet: the plan's (the rewriter does not know them before
     * {@link #cutOver}), or retired ones again on a rollback.
     */
    public void buildIndexes(TableSchema table, List<LayoutIndex> indexes) {
        for (LayoutIndex i : indexes)
            ddl.createIndex(table, i.name(), i.columns(), buildThreads);
    }

    /**
     * Takes indexes out of the layout, so that the rewriter stops using them at once; drop them with
     * {@link #dropIndexes} once the layout returned is {@link #drain drained}.
     *
     * @return the layout afterwards
     */
    public PartitionLayout unlist(TableSchema table, List<LayoutIndex> indexes) {
        return store.update(table.table(), l -> l == null || l.indexes().stream().noneMatch(indexes::contains) ? l
            : new PartitionLayout(l.table(), l.version() + 1, l.derived(),
                l.indexes().stream().filter(i -> !indexes.contains(i)).toList(), l.rewritable()));
    }

    /** Drops indexes, those that exist. */
    public void dropIndexes(TableSchema table, List<LayoutIndex> indexes) {
        for (LayoutIndex i : indexes)
            ddl.dropIndex(table, i.name());
    }

    /**
     * The cut-over: one layout change that makes the plan's columns {@code READY} and adds its indexes, so the
     * rewriter starts to use all of them at once, and retires what the plan retires: the rewriter stops using it, writes
     * keep it current until {@link #dropRetired}.
     *
     * @return the layout afterwards
     */
    public PartitionLayout cutOver(TableSchema table, LayoutPlan plan) {
        Set<String> planned = new HashSet<>();
        plan.columns().forEach(c -> planned.add(c.column().name()));
        return store.update(table.table(), l -> {
            PartitionLayout base = l != null ? l : current(table);
            List<DerivedColumn> derived = base.derived().stream().map(c -> planned.contains(c.name())
                ? c.in(ColumnState.READY) : plan.retiredColumns().contains(c.name()) ? c.in(ColumnState.RETIRING) : c)
                .toList();
            List<LayoutIndex> indexes = new ArrayList<>(base.indexes());
            indexes.removeAll(plan.retiredIndexes());
            plan.indexes().stream().filter(i -> !indexes.contains(i)).forEach(indexes::add);
            boolean same = derived.equals(base.derived()) && indexes.equals(base.indexes());
            return same && l != null ? l
                : new PartitionLayout(base.table(), base.version() + 1, derived, indexes, base.rewritable());
        });
    }

    /**
     * Takes a plan back in the layout, against the layout as it is now ({@link LayoutRollback}): at once no query is
     * rewritten to use what the plan added, which writes keep deriving until {@link #dropAdded}; what it retired is
     * used again. Run again, it changes nothing.
     *
     * @param before the layout recorded before the plan
     * @return the layout afterwards, to {@link #drain} before {@link #dropAdded}
     */
    public PartitionLayout takeBack(TableSchema table, PartitionLayout before, LayoutPlan plan) {
        return store.update(table.table(), l -> LayoutRollback.takeBack(l, before, plan));
    }

    /**
     * Returns once no node can run a plan made with a layout of the table older than {@code layout}: after it, what
     * that layout no longer lets queries read may stop being kept current and be dropped.
     *
     * @param layout a layout just stored, {@code null} when there is none
     * @throws IllegalStateException when a node did not drain in time
     */
    public void drain(PartitionLayout layout) {
        if (layout != null)
            drain.await(layout.table().table(), layout.version());
    }

    /** {@link #drain Drains} to the table's layout as stored now. */
    public void drainCurrent(TableSchema table) {
        drain(store.stored(table.table()));
    }

    /**
     * Drops what the plan retires, those that exist, then takes the columns out of the layout; run it only once the
     * layout after {@link #cutOver} is {@link #drain drained}.
     */
    public void dropRetired(TableSchema table, LayoutPlan plan) {
        dropIndexes(table, plan.retiredIndexes());
        ddl.dropColumns(table, plan.retiredColumns());
        forget(table, new HashSet<>(plan.retiredColumns()));
    }

    /**
     * Drops the derived columns whose expression reads a column a user dropped, with the indexes on them. Readers
     * already leave them out, and nothing derives them; dropped, they also take no room, and no later change of the
     * layout can show them to the user as columns of their own.
     */
    public void dropBroken(String table) {
        List<DerivedColumn> broken = store.broken(table);
        PartitionLayout stored = store.stored(table);
        if (broken.isEmpty() || stored == null)
            return;
        Set<String> names = broken.stream().map(DerivedColumn::name).collect(Collectors.toSet());
        dropIndexes(stored.table(), stored.indexes().stream()
            .filter(i -> i.columns().stream().anyMatch(names::contains)).toList());
        ddl.dropColumns(stored.table(), broken.stream().map(DerivedColumn::name).toList());
    }

    /**
     * Drops the plan's indexes and columns, those that exist, then takes the columns out of the layout, and the layout
     * away when nothing is left in it; run it once the layout {@link #takeBack} returned is {@link #drain drained}.
     */
    public void dropAdded(TableSchema table, LayoutPlan plan) {
        dropIndexes(table, plan.indexes());
        ddl.dropColumns(table, plan.columns().stream().map(c -> c.column().name()).toList());
        forget(table, LayoutRollback.added(plan));
    }

    /** Takes dropped columns out of the layout, and the layout away when nothing Autopilot added is left. */
    private void forget(TableSchema table, Set<String> dropped) {
        store.update(table.table(), l -> LayoutRollback.without(l, dropped));
        store.removeIfEmpty(table.table());
    }

    /**
     * The profile's derived attributes that the partition lacks, typed as Ignite SQL types the expression; a DECIMAL
     * one that an index of the profile keys on becomes a DOUBLE {@link DerivedColumn#searchKey() search key}.
     */
    private List<LayoutPlan.NewColumn> newColumns(SchemaProfile profile, PartitionLayout current) {
        Set<String> indexed = new HashSet<>();
        wantedIndexes(profile, current).forEach(r -> indexed.addAll(r.columns()));
        Set<String> present = new HashSet<>(current.table().columns().keySet());
        current.derived().forEach(c -> present.add(c.name()));
        List<LayoutPlan.NewColumn> out = new ArrayList<>();
        List<DerivedAttribute> attrs = profile.derivedAttributes() == null ? List.of() : profile.derivedAttributes();
        for (int i = 0; i < attrs.size(); i++) {
            DerivedAttribute a = attrs.get(i);
            String field = "derived_attributes[" + i + ']';
            if (current.derived().stream().anyMatch(c -> c.name().equals(a.name())))
                continue;
            if (!present.add(a.name()))
                throw new ProfileValidationException(field + ".name", a.name() + " is already a column of "
                    + current.table().table());
            DerivedExpression e = DerivedExpression.parse(a.expression(), current.table(), field + ".expression");
            String[] t = Ddl.schemaAndTable(current.table());
            String type;
            try {
                type = compiler.compile(t[0], t[1], e.canonical()).columnType();
            }
            catch (RuntimeException ex) {
                throw new ProfileValidationException(field + ".expression", "Ignite cannot compile " + e.canonical()
                    + ": " + ex.getMessage());
            }
            boolean searchKey = indexed.contains(a.name()) && type.toUpperCase(Locale.ROOT).startsWith("DECIMAL");
            out.add(new LayoutPlan.NewColumn(new DerivedColumn(a.name(), e, ColumnState.BUILDING, searchKey),
                searchKey ? SEARCH_KEY_TYPE : type));
        }
        return out;
    }

    private static List<LayoutIndex> newIndexes(SchemaProfile profile, PartitionLayout current,
        List<LayoutPlan.NewColumn> columns) {
        Set<String> known = new HashSet<>(current.table().columns().keySet());
        current.derived().forEach(c -> known.add(c.name()));
        columns.forEach(c -> known.add(c.column().name()));
        List<LayoutIndex> out = new ArrayList<>();
        List<IndexRecommendation> recs = wantedIndexes(profile, current);
        for (int i = 0; i < recs.size(); i++) {
            IndexRecommendation r = recs.get(i);
            if (current.indexes().stream().anyMatch(x -> x.name().equals(r.name())))
                continue;
            for (int j = 0; j < r.columns().size(); j++) {
                if (!known.contains(r.columns().get(j)))
                    throw new ProfileValidationException("indexes[" + i + "].columns[" + j + ']', "unknown column "
                        + r.columns().get(j) + " in table " + current.table().table());
            }
            out.add(new LayoutIndex(r.name(), r.columns()));
        }
        return out;
    }

    /** @return the profile's indexes, its composite index among them */
    private static List<IndexRecommendation> wantedIndexes(SchemaProfile profile, PartitionLayout current) {
        List<IndexRecommendation> recs = new ArrayList<>(profile.indexes() == null ? List.of() : profile.indexes());
        List<String> composite = profile.compositeIndex();
        if (composite != null && !composite.isEmpty() && recs.stream().noneMatch(r -> r.columns().equals(composite)))
            recs.add(new IndexRecommendation(DerivedNames.indexName(current.table().table(), composite), composite,
                null, "composite_index", null));
        return recs;
    }
}
