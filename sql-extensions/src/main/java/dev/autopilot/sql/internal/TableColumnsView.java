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

package dev.autopilot.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import dev.autopilot.sql.layout.HiddenColumns;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.managers.systemview.SystemViewInnerCollectionsAdapter;
import org.apache.ignite.internal.processors.query.GridQueryProperty;
import org.apache.ignite.internal.processors.query.schema.management.SchemaManager;
import org.apache.ignite.internal.processors.query.schema.management.TableDescriptor;
import org.apache.ignite.spi.systemview.view.SystemView;

/**
 * Leaves hidden columns out of the node's {@code TABLE_COLUMNS} system view.
 *
 * <p>Why in place: {@code SchemaManager.start} registers the view once
 * ({@code GridSystemViewManager.registerInnerCollectionView}) as a {@code SystemViewInnerCollectionsAdapter} whose
 * {@code dataExtractor} ({@code SchemaManager.tableColumns}) yields a table's columns. Every exporter keeps that
 * instance: {@code SqlViewExporterSpi} hands it to {@code SchemaManager.createSystemView}, whence the Calcite engine's
 * {@code SchemaHolderImpl.onSystemViewCreated} builds {@code SYS.TABLE_COLUMNS} ({@code SystemViewScan} iterates it),
 * and the JMX exporter registers an MBean on it. Registering a filtering replacement under the same name would reach
 * Calcite only: the JMX exporter fails on the duplicate MBean name, and {@code SchemaManager.sysViews} would hold
 * both, so {@code SYS.VIEW_COLUMNS} would list the view's columns twice. Wrapping the extractor changes every reader
 * at once, including views of tables created later.
 */
final class TableColumnsView {
    private TableColumnsView() {
    }

    /**
     * @param ctx the local node
     * @param hidden the columns to leave out, asked on every read of the view
     */
    @SuppressWarnings("unchecked")
    static void hide(GridKernalContext ctx, HiddenColumns hidden) {
        SystemView<?> view = ctx.systemView().view(SchemaManager.SQL_TBL_COLS_VIEW);
        if (!(view instanceof SystemViewInnerCollectionsAdapter))
            throw new IllegalStateException("Unexpected " + SchemaManager.SQL_TBL_COLS_VIEW + " view: " + view);
        PrivateField extractor = PrivateField.of(SystemViewInnerCollectionsAdapter.class, "dataExtractor");
        Function<TableDescriptor, Iterable<GridQueryProperty>> columns =
            (Function<TableDescriptor, Iterable<GridQueryProperty>>)extractor.get(view);
        Function<TableDescriptor, Iterable<GridQueryProperty>> visible = t -> {
            List<GridQueryProperty> out = new ArrayList<>();
            for (GridQueryProperty p : columns.apply(t)) {
                if (!hidden.hidden(t.type().schemaName(), t.type().tableName(), p.name()))
                    out.add(p);
            }
            return out;
        };
        extractor.set(view, visible);
    }
}
