package dev.autopilot.plugin;

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
final class DerivedColumnsAttachment {
    private DerivedColumnsAttachment() {
    }

    /** @return whether {@code cfg} holds a user table that Autopilot may add derived columns to */
    static boolean eligible(CacheConfiguration<?, ?> cfg) {
        return !F.isEmpty(cfg.getQueryEntities()) && !SystemTable.isInternalSchema(cfg.getSqlSchema())
            && !GridCacheUtils.isSystemCache(cfg.getName())
            && !(cfg.getInterceptor() instanceof DerivationInterceptor);
    }

    /** Attaches the interceptor, unless the cache has one of its own. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void attach(CacheConfiguration cfg, IgniteLogger log) {
        if (cfg.getInterceptor() != null) {
            log.warning("Cache " + cfg.getName() + " has its own interceptor: Autopilot will not add derived columns "
                + "to its tables");
            return;
        }
        cfg.setInterceptor(new DerivationInterceptor(cfg.getName(), AutopilotPlugin.NAME));
    }
}
