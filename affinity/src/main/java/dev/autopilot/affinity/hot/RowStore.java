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

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import javax.cache.Cache.Entry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.autopilot.affinity.load.PartitionTraffic;
import org.apache.ignite.binary.BinaryObject;

/**
 * One cache's rows in memory on one node, and the protocol that keeps them fresh.
 *
 * <p>A write counts itself in its key's stripe and then drops the key (from the cache's write hook, after the new value
 * is stored and before the write is acknowledged). A read that misses notes the stripe's count, loads the row, and keeps
 * it only if, inside Caffeine's atomic {@code compute} for the key, neither the stripe's count nor the exchange epoch
 * moved. A load that saw a value older than some write therefore read the stripe's count before that write counted
 * itself: either the keep comes later and sees the count moved, or it comes earlier and the write's drop removes it.
 * Stripes are shared by keys, which only costs keeps, never freshness. Exchanges (the only time primaries move) empty
 * the store when they start and when they end on this node, and no row is served or kept while one runs.
 */
final class RowStore {
    /** Marks a read this node cannot serve: it is not the key's primary, or an exchange is running. */
    static final Object NOT_HERE = new Object();

    private static final int STRIPES = 1 << 13;

    /** Estimated bytes of an entry apart from its value: Caffeine's node, the key, the record, the map slot. */
    private static final int ENTRY_OVERHEAD = 96;

    private final Cache<Object, Row> rows;
    private final AtomicLongArray writes = new AtomicLongArray(STRIPES);
    private final Exchanges exchanges;
    private final PartitionTraffic traffic;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private final LongAdder warmed = new LongAdder();

    RowStore(HotRowCacheConfiguration cfg, Exchanges exchanges, PartitionTraffic traffic) {
        this.exchanges = exchanges;
        this.traffic = traffic;
        this.rows = Caffeine.newBuilder()
            .maximumWeight(cfg.getMaxBytes())
            .weigher((Object k, Row r) -> r.weight)
            .executor(Runnable::run)
            .build();
    }

    /**
     * @param key the key in binary form ({@code IgniteBinary.toBinary}), as the write hook sees it
     * @param partition the key's partition
     * @param primaryHere whether this node is primary for a partition now
     * @param loader reads the row from Ignite (counting the read there): a value as the cache stores it
     * @return the row's value, or {@link #NOT_HERE}
     */
    Object read(Object key, int partition, IntPredicate primaryHere, Supplier<Object> loader) {
        long epoch = exchanges.epoch();
        if (!exchanges.settled() || !primaryHere.test(partition))
            return NOT_HERE;
        Row row = rows.getIfPresent(key);
        if (row != null && exchanges.epoch() == epoch) {
            hits.increment();
            traffic.read(partition);
            return row.value;
        }
        misses.increment();
        int stripe = stripe(key);
        long count = writes.get(stripe);
        Object stored = loader.get();
        if (stored == null)
            return null;
        Row loaded = row(stored);
        rows.asMap().compute(key, (k, old) ->
            writes.get(stripe) == count && exchanges.epoch() == epoch ? loaded : old);
        return loaded.value;
    }

    /**
     * Keeps rows that a local scan of a partition returned, by the rule of {@link #read}: a row is kept only if its
     * stripe's write count is still the one {@link #writeCounts()} gave before the scan began, and no exchange
     * started since {@code epoch}. Rows already kept stay as they are.
     *
     * @return rows kept
     */
    int fill(Iterable<? extends Entry<?, ?>> scan, long epoch, long[] countsBefore) {
        int kept = 0;
        for (Entry<?, ?> e : scan) {
            if (exchanges.epoch() != epoch)
                break;
            Object key = e.getKey();
            int stripe = stripe(key);
            Row row = row(e.getValue());
            Row now = rows.asMap().compute(key, (k, old) -> old != null ? old
                : writes.get(stripe) == countsBefore[stripe] && exchanges.epoch() == epoch ? row : null);
            if (now == row)
                kept++;
        }
        warmed.add(kept);
        return kept;
    }

    /** @return the write count of every stripe, to take before a scan that {@link #fill} keeps */
    long[] writeCounts() {
        long[] counts = new long[STRIPES];
        for (int i = 0; i < STRIPES; i++)
            counts[i] = writes.get(i);
        return counts;
    }

    /** Drops the rows of partitions {@code keep} refuses, to make room for hotter ones. */
    void retain(IntPredicate keep, ToIntFunction<Object> partitionOf) {
        rows.asMap().keySet().removeIf(k -> !keep.test(partitionOf.applyAsInt(k)));
    }

    /** Called on the primary for every write of {@code key} (binary form) before the write is acknowledged. */
    void onWrite(Object key) {
        writes.incrementAndGet(stripe(key));
        rows.invalidate(key);
        invalidations.increment();
    }

    void clear() {
        rows.invalidateAll();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long invalidations() {
        return invalidations.sum();
    }

    long warmed() {
        return warmed.sum();
    }

    long entries() {
        return rows.estimatedSize();
    }

    long estimatedBytes() {
        return rows.policy().eviction().orElseThrow().weightedSize().orElse(0L);
    }

    private static int stripe(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    private static Row row(Object stored) {
        Object value = stored instanceof BinaryObject b ? b.deserialize() : stored;
        return new Row(value, ENTRY_OVERHEAD + weight(stored));
    }

    /** @return the estimated bytes of a value as Ignite stores it */
    private static int weight(Object stored) {
        if (stored instanceof BinaryObject b)
            return b.size();
        if (stored instanceof String s)
            return 40 + 2 * s.length();
        if (stored instanceof byte[] bytes)
            return 16 + bytes.length;
        return 16;
    }

    private record Row(Object value, int weight) {
    }
}
