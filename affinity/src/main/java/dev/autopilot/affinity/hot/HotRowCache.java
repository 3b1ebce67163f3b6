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

package dev.autopilot.affinity.hot;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Key-value reads of one cache through the hot-row memory, on the node that is primary for the key.
 *
 * <p>Rendezvous or planned affinity decides which node serves a partition; this keeps the rows that node was recently
 * asked for in a bounded Caffeine cache (W-TinyLFU, sized by estimated bytes), so a hot partition is served from the
 * heap instead of page memory. A read on the key's primary is answered there; a read elsewhere is sent to the primary
 * as one compute call (or, with {@code remoteReads} off, is an ordinary {@code get}; so is a read whose primary left
 * while the call was on its way). A read never returns a value older than the last write acknowledged before it
 * started, whatever the write path that goes through the cache's interceptor (see {@link RowStore} for why). Two
 * conditions: the cache is {@code FULL_SYNC} or reads from primaries only (during an exchange reads fall through to
 * Ignite's own {@code get}, which may read a backup), and nothing writes around the interceptor (a data streamer
 * without {@code allowOverwrite}, {@code clear()}, expiry). Values returned are shared between readers: do not change
 * them.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class HotRowCache<K, V> {
    private final HotRows rows;
    private final String cacheName;
    private final HotRowCacheConfiguration cfg;
    private final IgniteCache<K, V> cache;

    HotRowCache(HotRows rows, String cacheName, HotRowCacheConfiguration cfg, IgniteCache<K, V> cache) {
        this.rows = rows;
        this.cacheName = cacheName;
        this.cfg = cfg;
        this.cache = cache;
    }

    /** @return the value of {@code key}, or {@code null} */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        if (!rows.ignite().cluster().localNode().isClient()) {
            Object v = rows.serve(cacheName, key, cfg);
            if (v != RowStore.NOT_HERE)
                return (V)v;
        }
        if (!cfg.isRemoteReads())
            return cache.get(key);
        try {
            return (V)rows.ignite().compute().affinityCall(cacheName, key, new PrimaryRead(cacheName, key, cfg));
        }
        catch (ClusterTopologyException primaryLeft) {
            return cache.get(key);
        }
    }

    /** Serves one read on the node the key's affinity sent it to. */
    private static final class PrimaryRead implements IgniteCallable<Object> {
        private static final long serialVersionUID = 1L;

        private final String cacheName;
        private final Object key;
        private final HotRowCacheConfiguration cfg;

        @IgniteInstanceResource
        private transient Ignite ignite;

        PrimaryRead(String cacheName, Object key, HotRowCacheConfiguration cfg) {
            this.cacheName = cacheName;
            this.key = key;
            this.cfg = cfg;
        }

        @Override public Object call() {
            Object v = HotRows.of(ignite).serve(cacheName, key, cfg);
            return v == RowStore.NOT_HERE ? ignite.cache(cacheName).get(key) : v;
        }
    }
}
