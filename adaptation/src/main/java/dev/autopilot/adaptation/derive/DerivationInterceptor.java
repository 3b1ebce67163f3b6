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

package dev.autopilot.adaptation.derive;

import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheInterceptorAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Keeps a table's derived columns current on every write that goes through the cache's update path: SQL DML, JDBC,
 * the thin client, key-value puts, entry processors, the data streamer with {@code allowOverwrite}. Ignite runs it on
 * the primary copy under the entry lock; backups receive the derived value. It asks the node's {@link Derivations}
 * what to derive, so a layout change reaches it without restarting the cache.
 */
public final class DerivationInterceptor extends CacheInterceptorAdapter<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String pluginName;

    @IgniteInstanceResource
    private transient Ignite ignite;

    private transient Derivations derivations;

    /**
     * @param cacheName the cache it serves
     * @param pluginName the name of the node's plugin that implements {@link Derivations}
     */
    public DerivationInterceptor(String cacheName, String pluginName) {
        this.cacheName = cacheName;
        this.pluginName = pluginName;
    }

    @Override public Object onBeforePut(Cache.Entry<Object, Object> entry, Object newVal) {
        if (newVal == null)
            return null;
        RowDeriver deriver = derivations().forCache(cacheName);
        return deriver == null ? newVal : deriver.derive(entry.getKey(), newVal);
    }

    private Derivations derivations() {
        Derivations d = derivations;
        if (d == null)
            derivations = d = ignite.plugin(pluginName);
        return d;
    }
}
