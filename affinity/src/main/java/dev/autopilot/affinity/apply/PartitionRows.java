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

package dev.autopilot.affinity.apply;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Rows per partition of a cache, counted on each partition's primary in one broadcast: what a change of placement
 * copies, for the rebalance estimate.
 */
final class PartitionRows implements IgniteCallable<long[]> {
    private static final long serialVersionUID = 0L;

    private final String cacheName;

    @IgniteInstanceResource
    private transient Ignite ignite;

    private PartitionRows(String cacheName) {
        this.cacheName = cacheName;
    }

    /** @return per partition, its rows (on its primary) */
    static long[] of(Ignite ignite, String cacheName) {
        long[] rows = new long[ignite.affinity(cacheName).partitions()];
        for (long[] local : ignite.compute(ignite.cluster().forServers()).broadcast(new PartitionRows(cacheName))) {
            for (int p = 0; p < rows.length; p++)
                rows[p] += local[p];
        }
        return rows;
    }

    @Override public long[] call() {
        IgniteCache<Object, Object> cache = ignite.cache(cacheName);
        int parts = ignite.affinity(cacheName).partitions();
        long[] rows = new long[parts];
        for (int p : ignite.affinity(cacheName).primaryPartitions(ignite.cluster().localNode()))
            rows[p] = cache.localSizeLong(p, CachePeekMode.PRIMARY);
        return rows;
    }
}
