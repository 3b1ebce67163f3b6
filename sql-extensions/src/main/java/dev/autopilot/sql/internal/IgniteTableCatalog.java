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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.rewrite.TableCatalog;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.query.QueryUtils;
import org.apache.ignite.internal.processors.query.schema.management.SchemaManager;
import org.apache.ignite.internal.processors.query.schema.management.TableDescriptor;

/**
 * The node's SQL tables as its schema manager has them now (Ignite 2.17 internals), each with the user's own columns:
 * a table with a layout as the layout follows it, any other with all of its columns.
 */
public final class IgniteTableCatalog implements TableCatalog {
    private final Supplier<GridKernalContext> kernal;
    private final Supplier<LayoutSnapshot> layouts;

    /**
     * @param kernal the node's kernal context, {@code null} until the node starts
     * @param layouts the layouts this node follows
     */
    public IgniteTableCatalog(Supplier<GridKernalContext> kernal, Supplier<LayoutSnapshot> layouts) {
        this.kernal = kernal;
        this.layouts = layouts;
    }

    @Override public List<String> named(String simpleName) {
        SchemaManager schemas = schemas();
        List<String> out = new ArrayList<>();
        if (schemas == null)
            return out;
        for (String schema : schemas.schemaNames()) {
            if (!QueryUtils.SCHEMA_SYS.equals(schema) && schemas.table(schema, simpleName) != null)
                out.add(schema + '.' + simpleName);
        }
        return out;
    }

    @Override public TableSchema table(String qualifiedName) {
        PartitionLayout layout = layouts.get().table(qualifiedName);
        if (layout != null)
            return layout.table();
        SchemaManager schemas = schemas();
        int dot = qualifiedName.indexOf('.');
        TableDescriptor t = schemas == null || dot < 0 ? null
            : schemas.table(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
        if (t == null)
            return null;
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        t.type().fields().forEach((name, type) -> columns.put(name, ColumnType.ofJava(type.getName())));
        return new TableSchema(qualifiedName, t.cacheInfo().name(), columns, List.of(), List.of());
    }

    private SchemaManager schemas() {
        GridKernalContext ctx = kernal.get();
        return ctx == null ? null : ctx.query().schemaManager();
    }
}
