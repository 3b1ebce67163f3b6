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

import java.util.List;
import java.util.function.LongConsumer;
import dev.autopilot.adaptation.derive.FunctionCompiler;
import dev.autopilot.adaptation.layout.LayoutStore;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.expression.ProfileValidationException;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.ignite.Ignite;

/**
 * Gives a partition the structures of a profile, synchronously, while the cluster keeps serving: each derived
 * attribute becomes a real column that every write keeps current from then on, existing rows are filled under their
 * own locks, the composite indexes are built online, and only then does the layout let the rewriter use them. A
 * failure at any step takes back what the call added, so a profile is applied whole or not at all. The same
 * {@link LayoutSteps}, run one at a time with their progress kept in the cluster, survive the death of a node.
 */
public final class LayoutApplier {
    private final LayoutStore store;
    private final LayoutSteps steps;
    private final Ddl ddl;

    /**
     * @param ignite the local node
     * @param store the cluster's layouts
     * @param compiler compiles expressions as Ignite SQL does, for the column types
     * @param pluginName the name of the plugin implementing {@code Derivations} on every node
     * @param fill how fills share the cluster with its users
     * @param drain waits, before a structure stops being kept current or is dropped, until no plan can read it
     */
    public LayoutApplier(Ignite ignite, LayoutStore store, FunctionCompiler compiler, String pluginName,
        FillSettings fill, LayoutDrain drain) {
        this.store = store;
        this.steps = new LayoutSteps(ignite, store, compiler, pluginName, fill, drain);
        this.ddl = new Ddl(ignite);
    }

    /**
     * @param profile what to add; structures the partition has already are kept as they are
     * @param table the table as the user defined it (without derived columns)
     * @param progress told the rows filled so far
     * @return the partition's layout afterwards
     * @throws ProfileValidationException naming the field when the profile does not fit the table; nothing changed
     */
    public PartitionLayout apply(SchemaProfile profile, TableSchema table, LongConsumer progress) {
        PartitionLayout before = steps.current(table);
        LayoutPlan plan = steps.plan(profile, before);
        if (plan.isEmpty())
            return before;
        try {
            steps.addColumns(table, plan);
            if (!plan.columns().isEmpty())
                steps.fill(table, 0, (next, rows, nice) -> {
                    progress.accept(rows);
                    return true;
                });
            steps.buildIndexes(table, plan.indexes());
            return steps.cutOver(table, plan);
        }
        catch (RuntimeException e) {
            try {
                steps.drain(steps.takeBack(table, before, plan));
                steps.dropAdded(table, plan);
            }
            catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw new IllegalStateException("Applying the profile of " + table.table() + " failed and was undone: "
                + e.getMessage(), e);
        }
    }

    /**
     * Removes everything Autopilot added to a partition: first from what queries read, while writes keep deriving the
     * columns and the layout still lists them ({@code RETIRING}, so the user never sees them as columns of their own);
     * then, once no node can run a plan made before, the indexes and columns themselves.
     */
    public void removeAll(TableSchema table) {
        PartitionLayout layout = store.layout(table.table());
        if (layout == null)
            return;
        steps.drain(store.update(table.table(), l -> l == null ? null
            : new PartitionLayout(l.table(), l.version() + 1,
                l.derived().stream().map(c -> c.in(ColumnState.RETIRING)).toList(), List.of(), l.rewritable())));
        for (LayoutIndex i : layout.indexes())
            ddl.dropIndex(table, i.name());
        ddl.dropColumns(table, layout.derived().stream().map(DerivedColumn::name).toList());
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
        long stale = steps.staleRows(table, layout.derived());
        if (stale == 0)
            return 0;
        store.update(table.table(), l -> withRewritable(l, false));
        steps.fill(table, 0, (next, rows, nice) -> true);
        if (steps.staleRows(table, layout.derived()) == 0)
            store.update(table.table(), l -> withRewritable(l, true));
        return stale;
    }

    private static PartitionLayout withRewritable(PartitionLayout l, boolean rewritable) {
        return l == null || l.rewritable() == rewritable ? l
            : new PartitionLayout(l.table(), l.version() + 1, l.derived(), l.indexes(), rewritable);
    }
}
