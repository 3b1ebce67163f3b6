package dev.autopilot.affinity.hot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import dev.autopilot.affinity.internal.ExchangeEpochs;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.metric.MetricRegistry;

/**
 * The hot-row memory of one node: a {@link RowStore} per cache whose rows this node serves, created when the first read
 * reaches it, and the exchange epochs that empty them. Kept in the node's local map, so the cache's write hook, reads
 * from this node and reads sent here by other nodes all meet the same stores.
 */
public final class HotRows {
    private static final String LOCAL_KEY = HotRows.class.getName();

    /** Prefix of each cache's metric registry; Ignite files it under {@code custom.}. */
    public static final String METRICS_PREFIX = "autopilot.hotrows.";

    private final Ignite ignite;
    private final IgniteBinary binary;
    private final ExchangeEpochs exchanges;
    private final Map<String, Served> served = new ConcurrentHashMap<>();

    private HotRows(Ignite ignite) {
        this.ignite = ignite;
        this.binary = ignite.binary();
        this.exchanges = ExchangeEpochs.follow(ignite, () -> served.values().forEach(s -> s.store.clear()));
    }

    /** @return the hot-row memory of {@code ignite}'s node */
    public static HotRows of(Ignite ignite) {
        ConcurrentMap<String, HotRows> local = ignite.cluster().nodeLocalMap();
        return local.computeIfAbsent(LOCAL_KEY, k -> new HotRows(ignite));
    }

    /**
     * @param cacheName a partitioned cache whose interceptor is a {@link HotRowInterceptor}
     * @param cfg settings; a node that already serves the cache keeps the settings it started with
     * @return reads of the cache through the hot-row memory, from this node
     * @throws IllegalArgumentException naming the setting when {@code cfg} is invalid, or when the cache lacks the
     *     interceptor (its writes would not reach the memory)
     */
    public <K, V> HotRowCache<K, V> cache(String cacheName, HotRowCacheConfiguration cfg) {
        cfg.validate();
        IgniteCache<K, V> cache = ignite.cache(cacheName);
        if (cache == null)
            throw new IllegalArgumentException("No cache " + cacheName);
        @SuppressWarnings("unchecked")
        Object interceptor = cache.getConfiguration(CacheConfiguration.class).getInterceptor();
        if (!(interceptor instanceof HotRowInterceptor))
            throw new IllegalArgumentException("Cache " + cacheName + " needs a " + HotRowInterceptor.class.getName()
                + " as its interceptor for the hot-row memory to see its writes, but has " + interceptor);
        return new HotRowCache<>(this, cacheName, cfg, cache);
    }

    /** @return the value of {@code key} as this node serves it, or {@link RowStore#NOT_HERE} when it is not primary */
    Object serve(String cacheName, Object key, HotRowCacheConfiguration cfg) {
        Served s = served.computeIfAbsent(cacheName, name -> start(name, cfg));
        return s.store.read(binary.toBinary(key), s::primaryHere, k -> s.cache.get(key));
    }

    /** The cache's write hook: drops {@code key} if this node keeps rows of the cache. */
    void onWrite(String cacheName, Object key) {
        Served s = served.get(cacheName);
        if (s != null)
            s.store.onWrite(binary.toBinary(key));
    }

    /** @return this node's store of the cache, or {@code null} when no read was served here yet */
    RowStore store(String cacheName) {
        Served s = served.get(cacheName);
        return s == null ? null : s.store;
    }

    Ignite ignite() {
        return ignite;
    }

    private Served start(String cacheName, HotRowCacheConfiguration cfg) {
        RowStore store = new RowStore(cfg, exchanges);
        MetricRegistry reg = ignite.metrics().getOrCreate(METRICS_PREFIX + cacheName);
        reg.register("Hits", store::hits, "Reads served from the hot-row memory of this node.");
        reg.register("Misses", store::misses, "Reads on this node's primary partitions that loaded the row.");
        reg.register("HitRate", () -> {
            long h = store.hits();
            long all = h + store.misses();
            return all == 0 ? 0.0 : (double)h / all;
        }, "Hits / (hits + misses) since the node started serving the cache.");
        reg.register("Invalidations", store::invalidations, "Writes that dropped a key from this node's memory.");
        reg.register("Entries", store::entries, "Rows this node keeps in memory (estimate).");
        reg.register("EstimatedBytes", store::estimatedBytes, "Estimated memory of the rows this node keeps.");
        return new Served(store, ignite.cache(cacheName).withKeepBinary(), ignite.affinity(cacheName),
            ignite.cluster().localNode());
    }

    /** A cache this node serves from memory. */
    private record Served(RowStore store, IgniteCache<Object, Object> cache, Affinity<Object> affinity,
        ClusterNode local) {
        boolean primaryHere(Object key) {
            return affinity.isPrimary(local, key);
        }
    }
}
