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

import dev.autopilot.sql.layout.HiddenColumns;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;

/**
 * Hides columns from the catalogs a node serves to SQL tools, which Ignite 2.17 builds from two sources with no public
 * hook: the {@code TABLE_COLUMNS} system view ({@code SYS.TABLE_COLUMNS}, also read by {@code control.sh
 * --system-view} and JMX; see {@link TableColumnsView}), and JDBC thin {@code DatabaseMetaData.getColumns}, which reads
 * the type descriptors directly (see {@link JdbcMetadataTap}). Queries still see every column.
 */
public final class ColumnCatalogs {
    private ColumnCatalogs() {
    }

    /**
     * Call it once per node, after the node started.
     *
     * @param ignite the local node
     * @param hidden the columns to leave out, asked on every catalog read
     * @throws IllegalStateException when this Ignite version lacks an internal the hooks rely on
     */
    public static void hide(Ignite ignite, HiddenColumns hidden) {
        TableColumnsView.hide(((IgniteEx)ignite).context(), hidden);
        JdbcMetadataTap.install(((IgniteEx)ignite).context(), hidden);
    }
}
