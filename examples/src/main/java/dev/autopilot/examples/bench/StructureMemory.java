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

package dev.autopilot.examples.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.autopilot.adaptation.cost.StorageSizes;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.plugin.AutopilotPlugin;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.configuration.DataStorageConfiguration;

/**
 * Memory LINEITEM's indexes and derived columns take on the whole cluster, backups included. Indexes: the index
 * pages Ignite counts for the table's cache group ({@code cacheGroups.LINEITEM.InMemoryIndexPages} in
 * {@code SYS.METRICS} of every node) times the page size; this includes the primary key's index, so the benchmark
 * reports what a configuration holds above what it held right after loading. Derived columns: Ignite keeps no
 * per-field figure, so their bytes are estimated as row copies times the bytes each derived value adds to a row
 * ({@link StorageSizes#field}, the size the profile generator budgets with).
 */
final class StructureMemory {
    private static final String TABLE = "PUBLIC.LINEITEM";
    private static final String INDEX_PAGES = "cacheGroups.LINEITEM.InMemoryIndexPages";

    private final EmbeddedCluster cluster;
    private final boolean autopilot;

    StructureMemory(EmbeddedCluster cluster, boolean autopilot) {
        this.cluster = cluster;
        this.autopilot = autopilot;
    }

    /** @return bytes of LINEITEM's index pages, summed over the nodes */
    long indexBytes() throws SQLException {
        long pages = 0;
        for (int i = 0; i < cluster.nodes().size(); i++) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(i));
                 PreparedStatement ps = c.prepareStatement("SELECT VALUE FROM SYS.METRICS WHERE NAME = ?")) {
                ps.setString(1, INDEX_PAGES);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next())
                        throw new IllegalStateException("No metric " + INDEX_PAGES + " on node " + i);
                    pages += Long.parseLong(rs.getString(1));
                }
            }
        }
        return pages * pageSize(cluster.nodes().get(0));
    }

    /** @return estimated bytes of LINEITEM's derived columns, over every copy of every row */
    long derivedBytes() {
        if (!autopilot)
            return 0;
        Ignite node = cluster.nodes().get(0);
        PartitionLayout layout = AutopilotPlugin.of(node).adaptation().layouts().table(TABLE);
        if (layout == null)
            return 0;
        long perRow = layout.derived().stream().mapToLong(c -> StorageSizes.field(c.expression().type())).sum();
        return perRow * node.cache("LINEITEM").sizeLong(CachePeekMode.PRIMARY, CachePeekMode.BACKUP);
    }

    private static int pageSize(Ignite node) {
        DataStorageConfiguration ds = node.configuration().getDataStorageConfiguration();
        return ds == null || ds.getPageSize() == 0 ? DataStorageConfiguration.DFLT_PAGE_SIZE : ds.getPageSize();
    }
}
