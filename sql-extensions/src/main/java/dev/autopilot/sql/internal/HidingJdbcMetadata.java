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
import java.util.Collection;
import java.util.List;
import dev.autopilot.sql.layout.HiddenColumns;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.odbc.ClientListenerProtocolVersion;
import org.apache.ignite.internal.processors.odbc.jdbc.JdbcColumnMeta;
import org.apache.ignite.internal.processors.odbc.jdbc.JdbcMetadataInfo;

/**
 * Ignite's JDBC metadata without the hidden columns in {@code getColumns}: Ignite builds that list from the tables'
 * type descriptors ({@code SchemaManager.columnsInformation}), not from the {@code TABLE_COLUMNS} view. Holds no
 * per-connection state, so one instance serves every connection of a node.
 */
final class HidingJdbcMetadata extends JdbcMetadataInfo {
    private final HiddenColumns hidden;

    HidingJdbcMetadata(GridKernalContext ctx, HiddenColumns hidden) {
        super(ctx);
        this.hidden = hidden;
    }

    @Override public Collection<JdbcColumnMeta> getColumnsMeta(ClientListenerProtocolVersion protoVer,
        String schemaNamePtrn, String tblNamePtrn, String colNamePtrn) {
        List<JdbcColumnMeta> out = new ArrayList<>();
        for (JdbcColumnMeta c : super.getColumnsMeta(protoVer, schemaNamePtrn, tblNamePtrn, colNamePtrn)) {
            if (!hidden.hidden(c.schemaName(), c.tableName(), c.columnName()))
                out.add(c);
        }
        return out;
    }
}
