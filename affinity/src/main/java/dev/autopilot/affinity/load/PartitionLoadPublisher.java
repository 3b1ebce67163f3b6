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

package dev.autopilot.affinity.load;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;

import static dev.autopilot.sql.tables.AutopilotTables.PARTITION_LOAD;

/**
 * Writes what this node counted per partition ({@link PartitionLoad}) to {@code AUTOPILOT.PARTITION_LOAD}: one row per
 * cache, partition and window that saw any read or write, with the window's bounds. The cluster's load of a partition
 * in a window is the sum over nodes (writes are counted on the primary, reads where they were asked or served).
 */
public final class PartitionLoadPublisher {
    private final Ignite ignite;
    private final LongSupplier clock;
    private final String nodeId;
    private final Map<String, PartitionTraffic.Counts> published = new HashMap<>();
    private long windowStart;

    /** @param windowStart where the first window published starts */
    public PartitionLoadPublisher(Ignite ignite, LongSupplier clock, long windowStart) {
        this.ignite = ignite;
        this.clock = clock;
        this.nodeId = ignite.cluster().localNode().id().toString();
        this.windowStart = windowStart;
    }

    /**
     * Closes the current window now and writes its counts; the next window starts here.
     *
     * @return rows written (0 when the table does not exist, as on a node without the plugin's tables)
     */
    public synchronized int publish() {
        long end = clock.getAsLong();
        IgniteCache<Object, BinaryObject> table = ignite.cache(PARTITION_LOAD.cacheName()) == null ? null
            : PARTITION_LOAD.cache(ignite);
        IgniteBinary bin = ignite.binary();
        Timestamp from = new Timestamp(windowStart);
        Timestamp to = new Timestamp(end);
        Map<Object, BinaryObject> rows = new HashMap<>();
        PartitionLoad.of(ignite).all().forEach((cache, traffic) -> {
            PartitionTraffic.Counts now = traffic.snapshot();
            PartitionTraffic.Counts window = now.minus(published.getOrDefault(cache,
                PartitionTraffic.Counts.zero(traffic.partitions())));
            published.put(cache, now);
            for (int p = 0; p < traffic.partitions(); p++) {
                long r = window.reads()[p];
                long w = window.writes()[p];
                if (r + w > 0)
                    rows.put(PARTITION_LOAD.key(bin, from, cache, p, nodeId), PARTITION_LOAD.value(bin, to, r, w));
            }
        });
        windowStart = end;
        if (table == null || rows.isEmpty())
            return 0;
        table.putAll(rows);
        return rows.size();
    }
}
