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

package dev.autopilot.adaptation.internal;

import java.util.List;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.cache.GridCacheContextInfo;
import org.apache.ignite.internal.processors.query.GridQueryTypeDescriptor;
import org.apache.ignite.internal.processors.query.QueryField;
import org.apache.ignite.internal.processors.query.schema.AbstractSchemaChangeListener;
import org.apache.ignite.internal.processors.query.schema.management.IndexDescriptor;

/**
 * Tells Autopilot of every change of a SQL table on this node (Ignite 2.17's schema listener), on the thread that
 * applies it, as soon as it is applied: a table created or started here, columns added or dropped, an index created or
 * dropped, a table dropped. Ignite calls these under its schema lock: whatever is told must be short and must not wait
 * for the cluster.
 */
public final class SchemaEvents extends AbstractSchemaChangeListener {
    /** What Autopilot does about a table's changes; tables are named {@code SCHEMA.TABLE}. */
    public interface Tables {
        /** A table was created or changed. */
        void changed(String table);

        /** Columns of a table were dropped (after {@link #changed} for the same change). */
        void columnsDropped(String table);

        /** A table was dropped: it no longer exists on the cluster. */
        void dropped(String table);
    }

    private final Tables tables;

    private SchemaEvents(Tables tables) {
        this.tables = tables;
    }

    /** Subscribes {@code tables} to the node's schema changes; call it while the node starts. */
    public static void register(GridKernalContext ctx, Tables tables) {
        ctx.internalSubscriptionProcessor().registerSchemaChangeListener(new SchemaEvents(tables));
    }

    @Override public void onSqlTypeCreated(String schemaName, GridQueryTypeDescriptor typeDesc,
        GridCacheContextInfo<?, ?> cacheInfo) {
        tables.changed(schemaName + '.' + typeDesc.tableName());
    }

    @Override public void onColumnsAdded(String schemaName, GridQueryTypeDescriptor typeDesc,
        GridCacheContextInfo<?, ?> cacheInfo, List<QueryField> cols) {
        tables.changed(schemaName + '.' + typeDesc.tableName());
    }

    @Override public void onColumnsDropped(String schemaName, GridQueryTypeDescriptor typeDesc,
        GridCacheContextInfo<?, ?> cacheInfo, List<String> cols) {
        tables.changed(schemaName + '.' + typeDesc.tableName());
        tables.columnsDropped(schemaName + '.' + typeDesc.tableName());
    }

    @Override public void onIndexCreated(String schemaName, String tblName, String idxName, IndexDescriptor idxDesc) {
        tables.changed(schemaName + '.' + tblName);
    }

    @Override public void onIndexDropped(String schemaName, String tblName, String idxName) {
        tables.changed(schemaName + '.' + tblName);
    }

    /** Only a destroyed table: a stopping node, or a client closing its cache, stops a table without dropping it. */
    @Override public void onSqlTypeDropped(String schemaName, GridQueryTypeDescriptor typeDesc, boolean destroy) {
        if (destroy)
            tables.dropped(schemaName + '.' + typeDesc.tableName());
    }
}
