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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import dev.autopilot.affinity.internal.ExchangeEpochs;
import dev.autopilot.affinity.load.PartitionLoad;
import dev.autopilot.affinity.load.PartitionTraffic;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.metric.MetricRegistry;

/**
 * The hot-row memory of one node: per cache, once a read reached this node, a {@link RowStore} with the rows it
 * serves, warmed ahead of reads for the partitions that turned hot by the reads counted here ({@link PartitionLoad}).
 * Kept in the node's local map, so the cache's interceptor, reads from this node and reads sent here by other nodes all
 * meet the same state.
 */
public final class HotRows {
    /** Prefix of each cache's metric registry; Ignite files it under {@code custom.}. */
    public static final String METRICS_PREFIX = "autopilot.hotrows.";

    private static final String LOCAL_KEY = HotRows.class.getName();

    /** Share of a store's bytes that warmed partitions may fill; the rest keeps rows of other partitions as read. */
    private static final double WARM_SHARE = 0.8;

    private final Ignite ignite;
    private final IgniteBinary binary;
    private final IgniteLogger log;
    private final ExchangeEpochs exchanges;
    private final PartitionLoad load;
    private final Map<String, Served> served = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService warmer;

    private HotRows(Ignite ignite, PartitionLoad load) {
        this.ignite = ignite;
        this.binary = ignite.binary();
        this.log = ignite.log().getLogger(HotRows.class);
        this.load = load;
        this.exchanges = ExchangeEpochs.follow(ignite, () -> served.values().forEach(s -> s.store.clear()));
    }

    /** @return the hot-row memory of {@code ignite}'s node */
    public static HotRows of(Ignite ignite) {
        ConcurrentMap<String, HotRows> local = ignite.cluster().nodeLocalMap();
        HotRows rows = local.get(LOCAL_KEY);
        if (rows != null)
            return rows;
        // Outside the map's computeIfAbsent: a nested update of the same map is not allowed.
        PartitionLoad load = PartitionLoad.of(ignite);
        return local.computeIfAbsent(LOCAL_KEY, k -> new HotRows(ignite, load));
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
        // A client's copy of the configuration has no interceptor (Ignite sends it to the nodes that store data only).
        @SuppressWarnings("unchecked")
        Object interceptor = cache.getConfiguration(CacheConfiguration.class).getInterceptor();
        if (!ignite.cluster().localNode().isClient() && !(interceptor instanceof HotRowInterceptor))
            throw new IllegalArgumentException("Cache " + cacheName + " needs a " + HotRowInterceptor.class.getName()
                + " as its interceptor for the hot-row memory to see its writes, but has " + interceptor);
        return new HotRowCache<>(this, cacheName, cfg, cache);
    }

    /** @return the value of {@code key} as this node serves it, or {@link RowStore#NOT_HERE} when it is not primary */
    Object serve(String cacheName, Object key, HotRowCacheConfiguration cfg) {
        Served s = served.computeIfAbsent(cacheName, name -> start(name, cfg));
        int partition = load.partition(cacheName, key);
        return s.store.read(binary.toBinary(key), partition, s::primaryHere, () -> s.cache.get(key));
    }

    /** The cache's write hook, on the key's primary before the write is acknowledged. */
    void onWrite(String cacheName, Object key) {
        load.write(cacheName, key);
        Served s = served.get(cacheName);
        if (s != null)
            s.store.onWrite(binary.toBinary(key));
    }

    /** The cache's read hook, on the node where {@code IgniteCache.get} was called. */
    void onRead(String cacheName, Object key) {
        load.read(cacheName, key);
    }

    Ignite ignite() {
        return ignite;
    }

    private Served start(String cacheName, HotRowCacheConfiguration cfg) {
        PartitionTraffic traffic = load.traffic(cacheName);
        RowStore store = new RowStore(cfg, exchanges, traffic);
        Served s = new Served(store, traffic, ignite.affinity(cacheName), cfg, ignite.cache(cacheName).withKeepBinary(),
            ignite.cluster().localNode());
        registerMetrics(ignite.metrics().getOrCreate(METRICS_PREFIX + cacheName), store);
        if (cfg.getWarmIntervalMillis() > 0)
            warmer().scheduleWithFixedDelay(() -> warmQuietly(s), cfg.getWarmIntervalMillis(),
                cfg.getWarmIntervalMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    private synchronized ScheduledExecutorService warmer() {
        if (warmer == null) {
            warmer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "autopilot-hotrows-" + ignite.name());
                t.setDaemon(true);
                return t;
            });
        }
        return warmer;
    }

    private void warmQuietly(Served s) {
        if (Ignition.state(ignite.name()) != IgniteState.STARTED) {
            warmer.shutdownNow();
            return;
        }
        try {
            warm(s);
        }
        catch (RuntimeException e) {
            // A partition may move away while it is scanned; the next interval looks again.
            if (log.isDebugEnabled())
                log.debug("Hot-row warming of " + s.cache.getName() + " stopped: " + e);
        }
    }

    /** Loads the rows of the partitions that turned hot since the last interval, dropping colder rows for room. */
    private void warm(Served s) {
        long epoch = exchanges.epoch();
        if (!exchanges.settled())
            return;
        PartitionTraffic.Counts now = s.traffic.snapshot();
        long[] reads = now.minus(s.lastCounts).reads();
        s.lastCounts = now;
        int parts = reads.length;
        boolean[] primary = new boolean[parts];
        for (int p : s.affinity.primaryPartitions(s.local))
            primary[p] = true;
        long entries = s.store.entries();
        long rowBytes = entries > 0 ? s.store.estimatedBytes() / entries : 256;
        long[] bytes = new long[parts];
        for (int p = 0; p < parts; p++) {
            if (primary[p] && reads[p] > 0)
                bytes[p] = s.cache.localSizeLong(p, CachePeekMode.PRIMARY) * rowBytes;
        }
        List<Integer> hot = HotPartitions.choose(reads, primary, bytes,
            (long)(WARM_SHARE * s.cfg.getMaxBytes()));
        if (hot.isEmpty())
            return;
        s.warmed.keySet().retainAll(hot);
        List<Integer> cold = hot.stream().filter(p -> s.warmed.getOrDefault(p, -1L) != epoch).toList();
        if (cold.isEmpty())
            return;
        boolean[] keep = new boolean[parts];
        hot.forEach(p -> keep[p] = true);
        s.store.retain(p -> keep[p], s.affinity::partition);
        for (int p : cold) {
            long[] counts = s.store.writeCounts();
            try (QueryCursor<Cache.Entry<Object, Object>> scan =
                     s.cache.query(new ScanQuery<>().setPartition(p).setLocal(true))) {
                s.store.fill(scan, epoch, counts);
            }
            s.warmed.put(p, epoch);
        }
    }

    private static void registerMetrics(MetricRegistry reg, RowStore store) {
        reg.register("Hits", store::hits, "Reads served from the hot-row memory of this node.");
        reg.register("Misses", store::misses, "Reads on this node's primary partitions that loaded the row.");
        reg.register("HitRate", () -> {
            long h = store.hits();
            long all = h + store.misses();
            return all == 0 ? 0.0 : (double)h / all;
        }, "Hits / (hits + misses) since the node started serving the cache.");
        reg.register("Invalidations", store::invalidations, "Writes that dropped a key from this node's memory.");
        reg.register("RowsWarmed", store::warmed, "Rows loaded ahead of reads because their partition turned hot.");
        reg.register("Entries", store::entries, "Rows this node keeps in memory (estimate).");
        reg.register("EstimatedBytes", store::estimatedBytes, "Estimated memory of the rows this node keeps.");
    }

    /** A cache this node serves from memory. */
    private static final class Served {
        final RowStore store;
        final PartitionTraffic traffic;
        final Affinity<Object> affinity;
        final HotRowCacheConfiguration cfg;
        final IgniteCache<Object, Object> cache;
        final ClusterNode local;
        /** Partitions warmed, with the exchange epoch they were warmed in; the warmer's thread only. */
        final Map<Integer, Long> warmed = new HashMap<>();
        /** The traffic at the warmer's last look; the warmer's thread only. */
        PartitionTraffic.Counts lastCounts;

        Served(RowStore store, PartitionTraffic traffic, Affinity<Object> affinity, HotRowCacheConfiguration cfg,
            IgniteCache<Object, Object> cache, ClusterNode local) {
            this.store = store;
            this.traffic = traffic;
            this.affinity = affinity;
            this.cfg = cfg;
            this.cache = cache;
            this.local = local;
            this.lastCounts = traffic.snapshot();
        }

        boolean primaryHere(int partition) {
            ClusterNode primary = affinity.mapPartitionToNode(partition);
            return primary != null && primary.id().equals(local.id());
        }
    }
}
