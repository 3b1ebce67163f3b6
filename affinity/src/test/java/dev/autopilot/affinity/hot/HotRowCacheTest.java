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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import dev.autopilot.testkit.Await;
import dev.autopilot.testkit.IgniteClusterExtension;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.spi.metric.LongMetric;
import org.apache.ignite.spi.metric.ReadOnlyMetricRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot-row memory on three real nodes (a fourth joins and leaves during the run), backups=1: readers on every node
 * against writers on every node, most of both on a few partitions (so that their rows are also warmed ahead of reads),
 * and each read checked against the last write acknowledged before it started.
 */
class HotRowCacheTest {
    private static final String CACHE = "rows";
    private static final int KEYS = 2_000;
    private static final int PARTITIONS = 64;
    private static final int HOT_PARTITIONS = 8;
    private static final int READERS = 4;
    private static final int READS_PER_READER = 10_000;
    private static final HotRowCacheConfiguration CFG = new HotRowCacheConfiguration().setMaxBytes(1 << 20)
        .setWarmIntervalMillis(100);

    /** Keys of the first {@link #HOT_PARTITIONS} partitions, which get 80% of reads and writes. */
    private static int[] hotKeys;

    @RegisterExtension
    static final IgniteClusterExtension CLUSTER = new IgniteClusterExtension(3);

    @BeforeAll
    static void createCaches() {
        CLUSTER.node(0).getOrCreateCache(new CacheConfiguration<Integer, Long>(CACHE)
            .setAffinity(new RendezvousAffinityFunction(false, PARTITIONS))
            .setBackups(1)
            .setAtomicityMode(CacheAtomicityMode.ATOMIC)
            .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
            .setInterceptor(new HotRowInterceptor<>()));
        CLUSTER.node(0).getOrCreateCache(new CacheConfiguration<Integer, Long>("plain"));
        hotKeys = IntStream.range(0, KEYS).filter(k -> CLUSTER.node(0).affinity(CACHE).partition(k) < HOT_PARTITIONS)
            .toArray();
    }

    @Test
    void readsNeverReturnAValueOlderThanTheLastAcknowledgedWrite() throws Exception {
        IgniteCache<Integer, Long> cache = CLUSTER.node(0).cache(CACHE);
        AtomicLongArray acked = new AtomicLongArray(KEYS);
        for (int k = 0; k < KEYS; k++)
            cache.put(k, 0L);

        List<Ignite> firstThree = List.copyOf(CLUSTER.nodes());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong stale = new AtomicLong();
        AtomicReference<String> firstStale = new AtomicReference<>();
        AtomicInteger progress = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            threads.add(new Thread(() -> write(writer, firstThree, acked, writing, failure), "writer-" + w));
        }
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            Ignite node = firstThree.get(r % 3);
            readers.add(new Thread(() -> read(node, acked, stale, firstStale, progress, failure), "reader-" + r));
        }
        threads.forEach(Thread::start);
        readers.forEach(Thread::start);

        awaitProgress(progress, READERS * READS_PER_READER / 3, readers);
        CLUSTER.startNode(3);
        awaitProgress(progress, 2 * READERS * READS_PER_READER / 3, readers);
        CLUSTER.kill(CLUSTER.node(3));

        for (Thread t : readers)
            t.join();
        writing.set(false);
        for (Thread t : threads)
            t.join();

        assertNull(failure.get(), () -> "a reader or writer failed: " + failure.get());
        assertEquals(0, stale.get(), () -> "stale reads, the first: " + firstStale.get());
        long hits = 0;
        long invalidations = 0;
        long warmed = 0;
        for (Ignite node : CLUSTER.nodes()) {
            hits += metric(node, "Hits");
            invalidations += metric(node, "Invalidations");
            warmed += metric(node, "RowsWarmed");
        }
        assertTrue(hits > READERS * READS_PER_READER / 10, "the memory served reads: " + hits + " hits");
        assertTrue(invalidations > 0, "writes reached the memory");
        assertTrue(warmed > 0, "rows of hot partitions were loaded ahead of reads");
    }

    @Test
    void cacheWithoutTheInterceptorIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> HotRows.of(CLUSTER.node(1)).cache("plain", CFG));
        assertTrue(e.getMessage().contains("Cache plain needs a " + HotRowInterceptor.class.getName()), e.getMessage());
    }

    @Test
    void invalidSettingsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> HotRows.of(CLUSTER.node(1)).cache(CACHE, new HotRowCacheConfiguration().setMaxBytes(10)));
        assertEquals("Invalid hot-row cache configuration: maxBytes = 10 (must be at least 1024)", e.getMessage());
    }

    /** Writer {@code w} owns the keys {@code k % 2 == w}, so each key's values only grow. */
    private static void write(int w, List<Ignite> writers, AtomicLongArray acked, AtomicBoolean writing, AtomicReference<Throwable> failure) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        try {
            for (long n = 0; writing.get(); n++) {
                int k = skewedKey(rnd);
                if (k % 2 != w)
                    continue;
                long v = acked.get(k) + 1;
                IgniteCache<Integer, Long> cache = writers.get((int)(n % writers.size())).cache(CACHE);
                if (n % 10 == 0)
                    cache.invoke(k, (e, args) -> {
                        e.setValue((Long)args[0]);
                        return null;
                    }, v);
                else
                    cache.put(k, v);
                acked.set(k, v);
            }
        }
        catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private static void read(Ignite node, AtomicLongArray acked, AtomicLong stale, AtomicReference<String> firstStale,
        AtomicInteger progress, AtomicReference<Throwable> failure) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        HotRowCache<Integer, Long> hot = HotRows.of(node).cache(CACHE, CFG);
        try {
            for (int i = 0; i < READS_PER_READER && failure.get() == null; i++) {
                int k = skewedKey(rnd);
                long before = acked.get(k);
                Long v = readRetrying(hot, k);
                if (v == null || v < before) {
                    stale.incrementAndGet();
                    firstStale.compareAndSet(null, "key " + k + " read " + v + " after " + before + " was acknowledged");
                }
                progress.incrementAndGet();
            }
        }
        catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    /** A read sent to a node that is leaving fails with a topology error; the caller tries again, as a client would. */
    private static Long readRetrying(HotRowCache<Integer, Long> hot, int k) {
        for (int attempt = 0; ; attempt++) {
            try {
                return hot.get(k);
            }
            catch (IgniteException e) {
                if (attempt == 10)
                    throw e;
            }
        }
    }

    /** 80% of reads and writes go to the hot partitions. */
    private static int skewedKey(ThreadLocalRandom rnd) {
        return rnd.nextInt(10) < 8 ? hotKeys[rnd.nextInt(hotKeys.length)] : rnd.nextInt(KEYS);
    }

    /**
     * Waits until the readers did {@code reads} reads or stopped. Speed is not under test: the deadline only keeps a
     * hung reader from holding the build.
     */
    private static void awaitProgress(AtomicInteger progress, int reads, List<Thread> readers) {
        Await.until(reads + " reads", () -> progress.get() >= reads || readers.stream().noneMatch(Thread::isAlive),
            Duration.ofMinutes(5));
    }

    private static long metric(Ignite node, String name) {
        ReadOnlyMetricRegistry reg = ((IgniteEx)node).context().metric().registry("custom." + HotRows.METRICS_PREFIX + CACHE);
        LongMetric m = reg.findMetric(name);
        return m == null ? 0 : m.value();
    }
}
