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

import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheInterceptorAdapter;
import org.apache.ignite.resources.CacheNameResource;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * The write hook of the hot-row memory: set it as the cache's interceptor ({@code CacheConfiguration.setInterceptor}).
 * Ignite calls {@code onAfterPut} and {@code onAfterRemove} on the primary, under the entry lock, after the new value
 * is stored and before the write is acknowledged, for every write that goes through the cache's update path (puts,
 * removes, entry processors, SQL DML, the thin client, the data streamer with {@code allowOverwrite}). That is what
 * makes the memory never serve a row older than an acknowledged write; see {@link HotRowCache}. It also counts each
 * write, and each {@code get} on the node that asks, in the node's {@code PartitionLoad}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public class HotRowInterceptor<K, V> extends CacheInterceptorAdapter<K, V> {
    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @CacheNameResource
    private transient String cacheName;

    private transient HotRows rows;

    @Override public V onGet(K key, V val) {
        rows().onRead(cacheName, key);
        return val;
    }

    @Override public void onAfterPut(Cache.Entry<K, V> entry) {
        rows().onWrite(cacheName, entry.getKey());
    }

    @Override public void onAfterRemove(Cache.Entry<K, V> entry) {
        rows().onWrite(cacheName, entry.getKey());
    }

    private HotRows rows() {
        HotRows r = rows;
        if (r == null)
            rows = r = HotRows.of(ignite);
        return r;
    }
}
