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

package dev.autopilot.adaptation.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import dev.autopilot.adaptation.derive.DerivationsCompiling;
import dev.autopilot.adaptation.derive.FillProcessor;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteClosure;

/**
 * Fills the derived columns of every existing row of a cache, partition by partition, in small batches of entry
 * processors: each row is rewritten under its own lock, so writes that run meanwhile are never lost. Filling a row
 * again is harmless, so a fill can resume at any partition. Several threads fill partitions at once, each paced by its
 * own {@link FillThrottle} so that the foreground keeps its latency.
 */
final class Filler {
    private final Ignite ignite;
    private final String pluginName;
    private final FillSettings settings;

    Filler(Ignite ignite, String pluginName, FillSettings settings) {
        this.ignite = ignite;
        this.pluginName = pluginName;
        this.settings = settings;
    }

    /**
     * @param cacheName the cache to fill
     * @param fromPartition the first partition to fill
     * @param progress told after every partition, one call at a time; returning {@code false} stops the fill
     * @return whether every partition from {@code fromPartition} on was filled
     */
    boolean fill(String cacheName, int fromPartition, FillProgress progress) {
        IgniteCache<Object, Object> cache = ignite.cache(cacheName).withKeepBinary();
        PartitionQueue queue = new PartitionQueue(fromPartition, ignite.affinity(cacheName).partitions(), progress);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "autopilot-fill-" + cacheName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < settings.threads(); i++)
                workers.add(pool.submit(() -> fillPartitions(cache, cacheName, queue)));
            for (Future<?> w : workers)
                await(w, queue);
            return queue.complete();
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** Fills the partitions the queue hands out until it has none left. */
    private void fillPartitions(IgniteCache<Object, Object> cache, String cacheName, PartitionQueue queue) {
        Batches batches = new Batches(cache, new FillProcessor(cacheName, pluginName),
            new FillThrottle(settings, key -> probe(cache, key), FillThrottle.Sleeper.THREAD));
        try {
            for (int p = queue.take(); p >= 0; p = queue.take()) {
                long before = batches.filled;
                ScanQuery<Object, Object> scan = new ScanQuery<>(p);
                scan.setPageSize(settings.batchSize());
                try (QueryCursor<Object> keys = cache.query(scan,
                    (IgniteClosure<Cache.Entry<Object, Object>, Object>)Cache.Entry::getKey)) {
                    for (Object key : keys)
                        batches.add(key);
                }
                batches.flush();
                queue.filled(p, batches.filled - before, batches.throttle.niceRatio());
            }
        }
        catch (RuntimeException | Error e) {
            queue.stop();
            throw e;
        }
    }

    /** Waits for a worker; a failure of the worker, or an interrupt of the caller, stops the whole fill. */
    private static void await(Future<?> worker, PartitionQueue queue) {
        try {
            worker.get();
        }
        catch (InterruptedException e) {
            queue.stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Fill interrupted", e);
        }
        catch (ExecutionException e) {
            queue.stop();
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            throw new IllegalStateException("Fill failed", e.getCause());
        }
    }

    /** @return how long a read of {@code key}'s row took, in nanoseconds: what a user's point read waits now */
    private static long probe(IgniteCache<Object, Object> cache, Object key) {
        long start = System.nanoTime();
        cache.get(key);
        return System.nanoTime() - start;
    }

    /** How long a batch is run again while a node compiles the derived columns. */
    private static final long COMPILE_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** The pause between two runs of a batch that met a node still compiling. */
    private static final long COMPILE_RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Collects keys into batches and runs each batch, paced by the throttle. */
    private final class Batches {
        private final IgniteCache<Object, Object> cache;
        private final FillProcessor processor;
        private final FillThrottle throttle;
        private final Set<Object> batch = new LinkedHashSet<>();
        private boolean started;
        private long filled;

        Batches(IgniteCache<Object, Object> cache, FillProcessor processor, FillThrottle throttle) {
            this.cache = cache;
            this.processor = processor;
            this.throttle = throttle;
        }

        void add(Object key) {
            batch.add(key);
            if (batch.size() == settings.batchSize())
                flush();
        }

        void flush() {
            if (batch.isEmpty())
                return;
            List<Object> keys = new ArrayList<>(batch);
            if (!started) {
                throttle.start(keys);
                started = true;
            }
            long start = System.nanoTime();
            filled += invokeWhileCompiling(start);
            batch.clear();
            throttle.afterBatch(System.nanoTime() - start, keys);
        }

        /**
         * Runs the batch; while a node is still compiling the derived columns (a busy node can take longer than a
         * write waits), runs it again, for at most {@link #COMPILE_PATIENCE_NANOS}. Filling a row twice is harmless.
         *
         * @return rows filled
         */
        private long invokeWhileCompiling(long start) {
            while (true) {
                try {
                    return cache.invokeAll(batch, processor).values().stream()
                        .filter(r -> Boolean.TRUE.equals(r.get())).count();
                }
                catch (RuntimeException e) {
                    if (!compiling(e) || System.nanoTime() - start > COMPILE_PATIENCE_NANOS)
                        throw e;
                    LockSupport.parkNanos(COMPILE_RETRY_PAUSE_NANOS);
                    if (Thread.currentThread().isInterrupted())
                        throw new IllegalStateException("Fill interrupted", e);
                }
            }
        }

        private boolean compiling(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DerivationsCompiling)
                    return true;
            }
            return false;
        }
    }
}
