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

package dev.autopilot.adaptation.layout;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.cache.Cache;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cluster.ClusterNode;

import static dev.autopilot.sql.tables.AutopilotTables.PARTITION_LAYOUTS;

/**
 * Writes the partition layouts to {@code AUTOPILOT.PARTITION_LAYOUTS}, where SQL users read them: one row per table
 * with a layout, the rows of tables without one removed. Only the oldest server writes; the layouts are the same on
 * every node.
 */
public final class LayoutPublisher {
    private final Ignite ignite;
    private final LayoutStore layouts;
    private final LongSupplier clock;

    /** @param clock epoch millis */
    public LayoutPublisher(Ignite ignite, LayoutStore layouts, LongSupplier clock) {
        this.ignite = ignite;
        this.layouts = layouts;
        this.clock = clock;
    }

    /** Writes the layouts now if this node is the oldest server. */
    public void publish() {
        ClusterNode oldest = ignite.cluster().forServers().forOldest().node();
        if (oldest == null || !oldest.isLocal())
            return;
        IgniteBinary bin = ignite.binary();
        Timestamp now = new Timestamp(clock.getAsLong());
        Map<Object, BinaryObject> rows = new HashMap<>();
        for (PartitionLayout l : layouts.snapshot().all()) {
            String derived = l.derived().stream().map(c -> c.name() + " = " + c.storedSql() + " ("
                + c.state() + ')').collect(Collectors.joining(", "));
            String indexes = l.indexes().stream().map(i -> i.name() + " (" + String.join(", ", i.columns()) + ')')
                .collect(Collectors.joining(", "));
            rows.put(PARTITION_LAYOUTS.key(bin, l.table().table()), PARTITION_LAYOUTS.value(bin, l.version(),
                derived, indexes, l.rewritable(), LayoutCodec.write(l), now));
        }
        IgniteCache<Object, BinaryObject> table = PARTITION_LAYOUTS.cache(ignite);
        for (Cache.Entry<Object, BinaryObject> e : table) {
            if (!rows.containsKey(e.getKey()))
                table.remove(e.getKey());
        }
        table.putAll(rows);
    }
}
