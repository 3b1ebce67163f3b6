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

package dev.autopilot.affinity.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cluster.ClusterNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers that put increasing values at a paced rate, each key owned by one writer, and remember the last value
 * acknowledged per key; a put that fails is retried with the same value until acknowledged (a put is idempotent), so
 * after {@link #close()} every key's value is known. Partitions are picked by weight, so some are hotter. Counts
 * operations, the longest put and puts slower than 100 ms (stalls).
 */
final class AckedWriters implements AutoCloseable {
    private final IgniteCache<Integer, Long> cache;
    private final AtomicLongArray acked;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong ops = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    /**
     * @param ignite the node the writers put through
     * @param weight per partition, its share of the puts
     * @param opsPerSecond the total rate wanted, read continually
     */
    AckedWriters(Ignite ignite, String cacheName, int keys, int writers, double[] weight, DoubleSupplier opsPerSecond) {
        this.cache = ignite.cache(cacheName);
        this.acked = new AtomicLongArray(keys);
        int parts = weight.length;
        for (int w = 0; w < writers; w++) {
            List<List<Integer>> byPart = new ArrayList<>();
            for (int p = 0; p < parts; p++)
                byPart.add(new ArrayList<>());
            for (int k = w; k < keys; k += writers)
                byPart.get(ignite.affinity(cacheName).partition(k)).add(k);
            double[] cum = new double[parts];
            double sum = 0;
            for (int p = 0; p < parts; p++) {
                sum += byPart.get(p).isEmpty() ? 0 : weight[p];
                cum[p] = sum;
            }
            int id = w;
            double total = sum;
            Thread t = new Thread(() -> write(id, writers, byPart, cum, total, opsPerSecond), "acked-writer-" + w);
            threads.add(t);
        }
    }

    /** Puts every key once (value 0) and starts the writers. */
    AckedWriters start() {
        Map<Integer, Long> zeros = new TreeMap<>();
        for (int k = 0; k < acked.length(); k++)
            zeros.put(k, 0L);
        cache.putAll(zeros);
        threads.forEach(Thread::start);
        return this;
    }

    private void write(int id, int writers, List<List<Integer>> byPart, double[] cum, double total, DoubleSupplier rate) {
        Random rnd = new Random(id);
        long next = System.nanoTime();
        try {
            for (long v = 1; running.get(); v++) {
                double perWriter = Math.max(1, rate.getAsDouble() / writers);
                next += (long)(1e9 / perWriter);
                long wait = next - System.nanoTime();
                if (wait > 0)
                    LockSupport.parkNanos(wait);
                else if (wait < -1_000_000_000L)
                    next = System.nanoTime();
                double r = rnd.nextDouble() * total;
                int p = 0;
                while (cum[p] <= r)
                    p++;
                List<Integer> keys = byPart.get(p);
                int k = keys.get(rnd.nextInt(keys.size()));
                put(k, v);
            }
        }
        catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private void put(int k, long v) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            long t0 = System.nanoTime();
            try {
                cache.put(k, v);
            }
            catch (RuntimeException e) {
                if (System.nanoTime() > deadline)
                    throw e;
                retries.incrementAndGet();
                continue;
            }
            long took = System.nanoTime() - t0;
            maxNanos.accumulateAndGet(took, Math::max);
            if (took > 100_000_000L)
                stalls.incrementAndGet();
            acked.set(k, v);
            ops.incrementAndGet();
            return;
        }
    }

    long ops() {
        return ops.get();
    }

    long retries() {
        return retries.get();
    }

    long stalls() {
        return stalls.get();
    }

    long maxPutMillis() {
        return maxNanos.get() / 1_000_000;
    }

    /** Stops the writers and fails if one of them failed. */
    @Override public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads)
            t.join();
        assertNull(failure.get(), () -> "a writer failed: " + failure.get());
    }

    /**
     * Checks, on each node, that every copy it holds per its own assignment has the last acknowledged value, and that
     * every key has as many copies as the assignment names (at least one).
     */
    void assertEveryCopyHoldsTheLastAckedValue(List<Ignite> nodes, String cacheName) {
        int checked = 0;
        int expected = 0;
        for (int k = 0; k < acked.length(); k++) {
            int copies = nodes.get(0).affinity(cacheName).mapKeyToPrimaryAndBackups(k).size();
            assertTrue(copies > 0, "key " + k + " has no owner");
            expected += copies;
        }
        for (Ignite node : nodes) {
            ClusterNode local = node.cluster().localNode();
            IgniteCache<Integer, Long> c = node.cache(cacheName);
            for (int k = 0; k < acked.length(); k++) {
                if (!node.affinity(cacheName).isPrimaryOrBackup(local, k))
                    continue;
                assertEquals(Long.valueOf(acked.get(k)), c.localPeek(k, CachePeekMode.PRIMARY, CachePeekMode.BACKUP),
                    "key " + k + " on " + local.consistentId());
                checked++;
            }
        }
        assertEquals(expected, checked, "every key on its primary and its backups");
    }
}
