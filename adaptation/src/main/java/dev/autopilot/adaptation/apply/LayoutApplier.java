package dev.autopilot.adaptation.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import dev.autopilot.adaptation.derive.FunctionCompiler;
import dev.autopilot.adaptation.layout.LayoutStore;
import dev.autopilot.adaptation.profile.DerivedAttribute;
import dev.autopilot.adaptation.profile.IndexRecommendation;
import dev.autopilot.adaptation.profile.SchemaProfile;
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
import org.apache.ignite.cache.query.SqlFieldsQuery;

/**
 * Gives a partition the structures of a profile, synchronously, while the cluster keeps serving: each derived
 * attribute becomes a real column that every write keeps current from then on, existing rows are filled under their
 * own locks, the composite indexes are built online, and only then does the layout let the rewriter use them. A
 * failure at any step takes back what the call added, so a profile is applied whole or not at all.
 */
public final class LayoutApplier {
    private final Ignite ignite;
    private final LayoutStore store;
    private final FunctionCompiler compiler;
    private final Filler filler;

    /**
     * @param ignite the local node
     * @param store the cluster's layouts
     * @param compiler compiles expressions as Ignite SQL does, for the column types
     * @param pluginName the name of the plugin implementing {@code Derivations} on every node
     * @param fillBatch rows per fill batch
     */
    public LayoutApplier(Ignite ignite, LayoutStore store, FunctionCompiler compiler, String pluginName,
        int fillBatch) {
        this.ignite = ignite;
        this.store = store;
        this.compiler = compiler;
        this.filler = new Filler(ignite, pluginName, fillBatch);
    }

    /**
     * @param profile what to add; structures the partition has already are kept as they are
     * @param table the table as the user defined it (without derived columns)
     * @param progress told the rows filled so far
     * @return the partition's layout afterwards
     * @throws ProfileValidationException naming the field when the profile does not fit the table; nothing changed
     */
    public PartitionLayout apply(SchemaProfile profile, TableSchema table, LongConsumer progress) {
        PartitionLayout before = store.layout(table.table());
        PartitionLayout current = before != null ? before : new PartitionLayout(table, 0, List.of(), List.of(), true);
        List<NewColumn> columns = newColumns(profile, current);
        List<LayoutIndex> indexes = newIndexes(profile, current, columns);
        if (columns.isEmpty() && indexes.isEmpty())
            return current;

        List<String> added = new ArrayList<>();
        List<String> built = new ArrayList<>();
        try {
            for (NewColumn c : columns) {
                ddl(table, "ALTER TABLE " + qualified(table) + " ADD COLUMN IF NOT EXISTS " + quote(c.column.name())
                    + ' ' + c.type);
                added.add(c.column.name());
            }
            if (!columns.isEmpty()) {
                store.update(table.table(), l -> withColumns(l == null ? current : l, columns));
                filler.fill(table.cacheName(), progress);
                store.update(table.table(), LayoutApplier::ready);
            }
            for (LayoutIndex i : indexes) {
                ddl(table, "CREATE INDEX IF NOT EXISTS " + quote(i.name()) + " ON " + qualified(table) + " ("
                    + String.join(", ", i.columns().stream().map(LayoutApplier::quote).toList()) + ')');
                built.add(i.name());
            }
            return store.update(table.table(), l -> withIndexes(l == null ? current : l, indexes));
        }
        catch (RuntimeException e) {
            undo(table, before, added, built, e);
            throw new IllegalStateException("Applying the profile of " + table.table() + " failed and was undone: "
                + e.getMessage(), e);
        }
    }

    /**
     * Removes everything Autopilot added to a partition: first from the layout, so that no new query is rewritten to
     * use it and no write derives it, then the indexes and columns themselves.
     */
    public void removeAll(TableSchema table) {
        PartitionLayout layout = store.layout(table.table());
        if (layout == null)
            return;
        store.update(table.table(), l -> l == null ? null
            : new PartitionLayout(l.table(), l.version() + 1, List.of(), List.of(), l.rewritable()));
        for (LayoutIndex i : layout.indexes())
            ddl(table, "DROP INDEX IF EXISTS " + quote(table.table().substring(0, table.table().indexOf('.'))) + '.'
                + quote(i.name()));
        for (DerivedColumn c : layout.derived())
            ddl(table, "ALTER TABLE " + qualified(table) + " DROP COLUMN IF EXISTS " + quote(c.name()));
        store.remove(table.table());
    }

    /**
     * Finds rows whose derived values differ from what Ignite SQL computes from their columns now, which only a write
     * path that bypasses the cache interceptor (the data streamer without {@code allowOverwrite}) can leave behind.
     * When there are any, the layout is marked not rewritable at once, so no query reads a stale value, the rows are
     * filled again, and the layout is marked rewritable when a second check finds none.
     *
     * @return rows found stale (0 when everything was right)
     */
    public long repair(TableSchema table) {
        PartitionLayout layout = store.layout(table.table());
        if (layout == null || layout.derived().isEmpty())
            return 0;
        long stale = staleRows(table, layout);
        if (stale == 0)
            return 0;
        store.update(table.table(), l -> withRewritable(l, false));
        filler.fill(table.cacheName(), filled -> { });
        if (staleRows(table, layout) == 0)
            store.update(table.table(), l -> withRewritable(l, true));
        return stale;
    }

    private long staleRows(TableSchema table, PartitionLayout layout) {
        String differs = layout.derived().stream()
            .map(c -> '(' + quote(c.name()) + " IS DISTINCT FROM (" + c.expression().canonical() + "))")
            .collect(Collectors.joining(" OR "));
        List<List<?>> rows = ignite.cache(table.cacheName()).query(new SqlFieldsQuery(QueryRewriter.NO_REWRITE
            + " SELECT COUNT(*) FROM " + qualified(table) + " WHERE " + differs)).getAll();
        return ((Number)rows.get(0).get(0)).longValue();
    }

    private static PartitionLayout withRewritable(PartitionLayout l, boolean rewritable) {
        return l == null || l.rewritable() == rewritable ? l
            : new PartitionLayout(l.table(), l.version() + 1, l.derived(), l.indexes(), rewritable);
    }

    private List<NewColumn> newColumns(SchemaProfile profile, PartitionLayout current) {
        Set<String> present = new HashSet<>(current.table().columns().keySet());
        current.derived().forEach(c -> present.add(c.name()));
        List<NewColumn> out = new ArrayList<>();
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
            String[] t = schemaAndTable(current.table());
            String type;
            try {
                type = compiler.compile(t[0], t[1], e.canonical()).columnType();
            }
            catch (RuntimeException ex) {
                throw new ProfileValidationException(field + ".expression", "Ignite cannot compile " + e.canonical()
                    + ": " + ex.getMessage());
            }
            out.add(new NewColumn(new DerivedColumn(a.name(), e, ColumnState.BUILDING), type));
        }
        return out;
    }

    private static List<LayoutIndex> newIndexes(SchemaProfile profile, PartitionLayout current,
        List<NewColumn> columns) {
        Set<String> known = new HashSet<>(current.table().columns().keySet());
        current.derived().forEach(c -> known.add(c.name()));
        columns.forEach(c -> known.add(c.column.name()));
        List<LayoutIndex> out = new ArrayList<>();
        List<IndexRecommendation> recs = new ArrayList<>(profile.indexes() == null ? List.of() : profile.indexes());
        List<String> composite = profile.compositeIndex();
        if (composite != null && !composite.isEmpty() && recs.stream().noneMatch(r -> r.columns().equals(composite)))
            recs.add(new IndexRecommendation(DerivedNames.indexName(current.table().table(), composite), composite,
                null, "composite_index", null));
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

    private static PartitionLayout withColumns(PartitionLayout l, List<NewColumn> columns) {
        List<DerivedColumn> derived = new ArrayList<>(l.derived());
        columns.forEach(c -> derived.add(c.column));
        return new PartitionLayout(l.table(), l.version() + 1, derived, l.indexes(), l.rewritable());
    }

    private static PartitionLayout ready(PartitionLayout l) {
        List<DerivedColumn> derived = l.derived().stream()
            .map(c -> new DerivedColumn(c.name(), c.expression(), ColumnState.READY)).toList();
        return new PartitionLayout(l.table(), l.version() + 1, derived, l.indexes(), l.rewritable());
    }

    private static PartitionLayout withIndexes(PartitionLayout l, List<LayoutIndex> indexes) {
        List<LayoutIndex> all = new ArrayList<>(l.indexes());
        all.addAll(indexes);
        return new PartitionLayout(l.table(), l.version() + 1, l.derived(), all, l.rewritable());
    }

    private void undo(TableSchema table, PartitionLayout before, List<String> added, List<String> built,
        RuntimeException cause) {
        try {
            if (before == null)
                store.remove(table.table());
            else
                store.update(table.table(), l -> new PartitionLayout(before.table(), (l == null ? before : l).version()
                    + 1, before.derived(), before.indexes(), before.rewritable()));
            String schema = schemaAndTable(table)[0];
            for (String i : built)
                ddl(table, "DROP INDEX IF EXISTS " + quote(schema) + '.' + quote(i));
            for (String c : added)
                ddl(table, "ALTER TABLE " + qualified(table) + " DROP COLUMN IF EXISTS " + quote(c));
        }
        catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void ddl(TableSchema table, String sql) {
        ignite.cache(table.cacheName()).query(new SqlFieldsQuery(sql)).getAll();
    }

    private static String qualified(TableSchema t) {
        String[] st = schemaAndTable(t);
        return quote(st[0]) + '.' + quote(st[1]);
    }

    private static String[] schemaAndTable(TableSchema t) {
        int dot = t.table().indexOf('.');
        return new String[] {t.table().substring(0, dot), t.table().substring(dot + 1)};
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A derived column to add, with its SQL type. */
    private record NewColumn(DerivedColumn column, String type) {
    }
}
