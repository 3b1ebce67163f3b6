package dev.autopilot.adaptation.apply;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.cache.Cache;
import dev.autopilot.adaptation.derive.FillProcessor;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteClosure;

/**
 * Fills the derived columns of every existing row of a cache, partition by partition, in small batches of entry
 * processors: each row is rewritten under its own lock, so writes that run meanwhile are never lost. Filling a row
 * again is harmless, so a fill can resume at any partition.
 */
final class Filler {
    private final Ignite ignite;
    private final String pluginName;
    private final int batchSize;

    Filler(Ignite ignite, String pluginName, int batchSize) {
        this.ignite = ignite;
        this.pluginName = pluginName;
        this.batchSize = batchSize;
    }

    /**
     * @param cacheName the cache to fill
     * @param fromPartition the first partition to fill
     * @param progress told after every partition; returning {@code false} stops the fill
     * @return whether every partition from {@code fromPartition} on was filled
     */
    boolean fill(String cacheName, int fromPartition, FillProgress progress) {
        IgniteCache<Object, Object> cache = ignite.cache(cacheName).withKeepBinary();
        FillProcessor processor = new FillProcessor(cacheName, pluginName);
        int partitions = ignite.affinity(cacheName).partitions();
        long filled = 0;
        for (int p = fromPartition; p < partitions; p++) {
            ScanQuery<Object, Object> scan = new ScanQuery<>(p);
            scan.setPageSize(batchSize);
            Set<Object> batch = new LinkedHashSet<>();
            try (QueryCursor<Object> keys = cache.query(scan, (IgniteClosure<Cache.Entry<Object, Object>, Object>)Cache.Entry::getKey)) {
                for (Object key : keys) {
                    batch.add(key);
                    if (batch.size() == batchSize)
                        filled += flush(cache, batch, processor);
                }
            }
            filled += flush(cache, batch, processor);
            if (!progress.partitionFilled(p + 1, filled))
                return false;
        }
        return true;
    }

    private static long flush(IgniteCache<Object, Object> cache, Set<Object> batch, FillProcessor processor) {
        if (batch.isEmpty())
            return 0;
        long n = cache.invokeAll(batch, processor).values().stream().filter(r -> Boolean.TRUE.equals(r.get())).count();
        batch.clear();
        return n;
    }
}
