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

import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import dev.autopilot.adaptation.layout.LiveTable;
import dev.autopilot.adaptation.layout.LiveTables;
import dev.autopilot.sql.schema.ColumnType;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.query.GridQueryTypeDescriptor;
import org.apache.ignite.internal.processors.query.schema.management.TableDescriptor;

/**
 * A node's SQL tables as its schema manager has them now (Ignite 2.17 internals): the type descriptor Ignite itself
 * plans with, changed in place by every {@code ALTER TABLE} and {@code CREATE INDEX}.
 */
public final class IgniteLiveTables implements LiveTables {
    private final GridKernalContext ctx;

    /** @param ctx the node's kernal context */
    public IgniteLiveTables(GridKernalContext ctx) {
        this.ctx = ctx;
    }

    @Override public LiveTable table(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        if (dot < 0 || ctx.query().schemaManager() == null)
            return null;
        TableDescriptor t = ctx.query().schemaManager().table(qualifiedName.substring(0, dot),
            qualifiedName.substring(dot + 1));
        return t == null ? null : of(t.type());
    }

    /** Reads the descriptor again when a schema change on the exchange thread altered it while it was copied. */
    private static LiveTable of(GridQueryTypeDescriptor type) {
        while (true) {
            try {
                Map<String, ColumnType> columns = new LinkedHashMap<>();
                type.fields().forEach((name, cls) -> columns.put(name, ColumnType.ofJava(cls.getName())));
                return new LiveTable(columns, Set.copyOf(type.indexes().keySet()));
            }
            catch (ConcurrentModificationException e) {
                Thread.onSpinWait();
            }
        }
    }
}
