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

import javax.cache.processor.MutableEntry;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheEntryProcessor;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Fills the derived fields of one existing row by writing the row back as it is: the cache's
 * {@link DerivationInterceptor} derives them on that write as on any other, so a filled row is derived once. An entry
 * processor runs under the entry lock, so a fill never overwrites a newer value the way a SQL
 * {@code UPDATE ... SET c = expr} fill does on an atomic cache.
 */
public final class FillProcessor implements CacheEntryProcessor<Object, Object, Boolean> {
    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String pluginName;

    @IgniteInstanceResource
    private transient Ignite ignite;

    private transient volatile boolean derivationChecked;

    /**
     * @param cacheName the cache whose rows it fills
     * @param pluginName the name of the node's plugin that implements {@link Derivations}
     */
    public FillProcessor(String cacheName, String pluginName) {
        this.cacheName = cacheName;
        this.pluginName = pluginName;
    }

    /** @return whether the row existed and was filled */
    @Override public Boolean process(MutableEntry<Object, Object> entry, Object... args) {
        if (!entry.exists())
            return false;
        requireDerivation();
        entry.setValue(entry.getValue());
        return true;
    }

    /** A row written back where nothing derives would count as filled and keep its nulls: fail instead. */
    private void requireDerivation() {
        if (derivationChecked)
            return;
        CacheConfiguration<?, ?> cfg = ignite.cache(cacheName).getConfiguration(CacheConfiguration.class);
        if (!(cfg.getInterceptor() instanceof DerivationInterceptor))
            throw new IllegalStateException("Cache " + cacheName + " has no Autopilot interceptor on this node");
        if (((Derivations)ignite.plugin(pluginName)).forCache(cacheName) == null)
            throw new IllegalStateException("Nothing to derive for cache " + cacheName + " on this node");
        derivationChecked = true;
    }
}
