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

import dev.autopilot.adaptation.derive.DerivationInterceptor;
import dev.autopilot.sql.tables.SystemTable;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.internal.processors.cache.GridCacheUtils;
import org.apache.ignite.internal.util.typedef.F;

/**
 * Decides which caches get the {@link DerivationInterceptor}: those that hold a user's SQL table. A cache that has an
 * interceptor of its own keeps it, and Autopilot never derives columns there.
 */
public final class DerivedColumnsAttachment {
    private DerivedColumnsAttachment() {
    }

    /** @return whether {@code cfg} holds a user table that Autopilot may add derived columns to */
    public static boolean eligible(CacheConfiguration<?, ?> cfg) {
        return !F.isEmpty(cfg.getQueryEntities()) && !SystemTable.isInternalSchema(cfg.getSqlSchema())
            && !GridCacheUtils.isSystemCache(cfg.getName())
            && !(cfg.getInterceptor() instanceof DerivationInterceptor);
    }

    /**
     * Attaches the interceptor, unless the cache has one of its own.
     *
     * @param pluginName the plugin the interceptor finds the node's {@link Derivations} under
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void attach(CacheConfiguration cfg, String pluginName, IgniteLogger log) {
        if (cfg.getInterceptor() != null) {
            log.warning("Cache " + cfg.getName() + " has its own interceptor: Autopilot will not add derived columns "
                + "to its tables");
            return;
        }
        cfg.setInterceptor(new DerivationInterceptor(cfg.getName(), pluginName));
    }
}
