package dev.autopilot.adaptation.derive;

import javax.cache.processor.MutableEntry;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CacheEntryProcessor;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Fills the derived fields of one existing row, atomically with respect to concurrent writes of the same key (an
 * entry processor runs under the entry lock), so a fill never overwrites a newer value the way a SQL
 * {@code UPDATE ... SET c = expr} fill does on an atomic cache.
 */
public final class FillProcessor implements CacheEntryProcessor<Object, Object, Boolean> {
    private static final long serialVersionUID = 1L;

    private final String cacheName;
    private final String pluginName;

    @IgniteInstanceResource
    private transient Ignite ignite;

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
        RowDeriver deriver = ((Derivations)ignite.plugin(pluginName)).forCache(cacheName);
        if (deriver == null)
            throw new IllegalStateException("Nothing to derive for cache " + cacheName + " on this node");
        entry.setValue(deriver.derive(entry.getKey(), entry.getValue()));
        return true;
    }
}
