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

package dev.autopilot.examples.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import dev.autopilot.affinity.hot.HotRowCache;
import dev.autopilot.affinity.hot.HotRowCacheConfiguration;
import dev.autopilot.affinity.hot.HotRowInterceptor;
import dev.autopilot.affinity.hot.HotRows;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.examples.cluster.OrderlyShutdown;
import dev.autopilot.testkit.NoAutopilotProvider;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.cache.eviction.lru.LruEvictionPolicyFactory;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.NearCacheConfiguration;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.spi.metric.LongMetric;

/**
 * Hit rate of the hot-row memory against Ignite's near cache right after the hot set moves, side by side in one run.
 *
 * <p>Server nodes and {@code clients} thick clients in this JVM (discovery on ports {@code base..base+9}, communication
 * on {@code base+10..}, default base 28100). Two caches hold the same rows: {@code hot_rows} is read through
 * {@link HotRowCache} (rows kept on each key's primary), {@code near_rows} through a near cache with an LRU bound on
 * each client. Both get the same memory: {@code memoryRows} rows over the clients' near caches, and the same number
 * over the servers' hot-row memories (by estimated bytes). Each driver thread, on one of the clients, draws keys from
 * one distribution and sends every read to both caches, and every write to both. A share {@code hotShare} of the operations goes to {@code hotPartitions} partitions (uniform over
 * their rows: tenants whose data an affinity key keeps together), the rest anywhere. After {@code warmSeconds} the hot
 * partitions change to others; the hit rates of the next {@code measureSeconds} (at least 5) are compared, and those of
 * the first 5 s on their own. A near-cache hit is a
 * read found in the client's near map before the get; a hot-row hit is a read a primary served from memory.
 * Writes {@code target/bench/hot_cache.json}.
 *
 * <p>{@code mvn -B -ntp -q install -DskipTests && mvn -B -ntp -q -pl examples exec:java
 * -Dexec.mainClass=dev.autopilot.examples.bench.HotCacheBenchmark} (arguments as {@code -Dexec.args="key=value ..."}).
 */
public final class HotCacheBenchmark {
    private static final String HOT = "hot_rows";
    private static final String NEAR = "near_rows";

    /** The early part of the measured period, reported on its own. */
    private static final int FIRST_SECONDS = 5;

    private HotCacheBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, defaults());
        int servers = Integer.parseInt(a.get("servers"));
        int keys = Integer.parseInt(a.get("keys"));
        int partitions = Integer.parseInt(a.get("partitions"));
        int hotPartitions = Integer.parseInt(a.get("hotPartitions"));
        int valueBytes = Integer.parseInt(a.get("valueBytes"));
        int memoryRows = Integer.parseInt(a.get("memoryRows"));
        double hotShare = Double.parseDouble(a.get("hotShare"));
        double writeShare = Double.parseDouble(a.get("writeShare"));
        int threads = Integer.parseInt(a.get("threads"));
        long warmMillis = Long.parseLong(a.get("warmSeconds")) * 1000;
        long measureMillis = Long.parseLong(a.get("measureSeconds")) * 1000;
        int base = Integer.parseInt(a.get("base"));
        long seed = Long.parseLong(a.get("seed"));

        List<Ignite> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < servers; i++)
                nodes.add(Ignition.start(config(base, i, false)));
            int clients = Integer.parseInt(a.get("clients"));
            List<Ignite> clientNodes = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Ignite client = Ignition.start(config(base, servers + c, true));
                nodes.add(client);
                clientNodes.add(client);
            }
            nodes.get(0).getOrCreateCache(cacheConfig(HOT, partitions).setInterceptor(new HotRowInterceptor<>()));
            nodes.get(0).getOrCreateCache(cacheConfig(NEAR, partitions));
            Ignite client = clientNodes.get(0);

            long entryBytes = 96 + 16 + valueBytes;
            HotRowCacheConfiguration hotCfg = new HotRowCacheConfiguration()
                .setMaxBytes(entryBytes * memoryRows / servers);
            List<Handles> handles = new ArrayList<>();
            for (Ignite c : clientNodes) {
                handles.add(new Handles(HotRows.of(c).cache(HOT, hotCfg), c.cache(HOT), c.getOrCreateNearCache(NEAR,
                    new NearCacheConfiguration<Integer, byte[]>().setNearEvictionPolicyFactory(
                        new LruEvictionPolicyFactory<>(memoryRows / clients)))));
            }
            load(client, keys, valueBytes, seed);

            int[][] byPartition = keysByPartition(client, keys, partitions);
            SplittableRandom rnd = new SplittableRandom(seed);
            int[] before = pick(rnd, partitions, hotPartitions, new int[0]);
            int[] after = pick(rnd, partitions, hotPartitions, before);

            Workload w = new Workload(byPartition, keys, hotShare, writeShare, valueBytes);
            w.hot.set(before);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> drivers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long s = seed + 1 + t;
                Handles h = handles.get(t % clients);
                Thread d = new Thread(() -> w.drive(new SplittableRandom(s), h, running, failure), "driver-" + t);
                d.setDaemon(true);
                drivers.add(d);
                d.start();
            }
            Thread.sleep(warmMillis);
            Snapshot steady = Snapshot.take(w, nodes, servers);
            w.hot.set(after);
            Snapshot shift = Snapshot.take(w, nodes, servers);
            Thread.sleep(FIRST_SECONDS * 1000L);
            Snapshot first = Snapshot.take(w, nodes, servers);
            Thread.sleep(measureMillis - FIRST_SECONDS * 1000L);
            Snapshot end = Snapshot.take(w, nodes, servers);
            running.set(false);
            for (Thread d : drivers)
                d.join();
            if (failure.get() != null)
                throw new IllegalStateException("A driver failed", failure.get());

            Map<String, Object> out = new LinkedHashMap<>();
            double hotRate = end.hotHitRate(shift);
            double nearRate = end.nearHitRate(shift);
            out.put("hit_rate_ratio_vs_near_cache", round(hotRate / nearRate));
            out.put("hit_rate", round(hotRate));
            out.put("near_cache_hit_rate", round(nearRate));
            out.put("hit_rate_first_5s", round(first.hotHitRate(shift)));
            out.put("near_cache_hit_rate_first_5s", round(first.nearHitRate(shift)));
            out.put("hit_rate_before_shift", round(shift.hotHitRate(steady.zero())));
            out.put("near_cache_hit_rate_before_shift", round(shift.nearHitRate(steady.zero())));
            out.put("reads_after_shift", end.reads - shift.reads);
            out.put("writes_after_shift", end.writes - shift.writes);
            out.put("hot_read_micros", round(end.hotNanos / 1000.0 / Math.max(1, end.reads)));
            out.put("near_read_micros", round(end.nearNanos / 1000.0 / Math.max(1, end.reads)));
            out.put("hot_entries", end.hotEntries);
            out.put("hot_estimated_bytes", end.hotBytes);
            out.put("near_entries", handles.stream().mapToInt(h -> h.near.localSize(CachePeekMode.NEAR)).sum());
            a.forEach(out::put);
            out.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-34s %s%n", k, v));
            System.out.println("Wrote " + BenchReport.write("hot_cache", out));
        }
        finally {
            OrderlyShutdown.stop(nodes);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("servers", "4");
        d.put("clients", "1");
        d.put("keys", "200000");
        d.put("partitions", "1024");
        d.put("hotPartitions", "64");
        d.put("valueBytes", "200");
        d.put("memoryRows", "20000");
        d.put("hotShare", "0.9");
        d.put("writeShare", "0.05");
        d.put("threads", "8");
        d.put("warmSeconds", "30");
        d.put("measureSeconds", "30");
        d.put("base", "28100");
        d.put("seed", "42");
        return d;
    }

    /** The operations every driver thread draws from; the hot partitions change while they run. */
    private static final class Workload {
        final AtomicReference<int[]> hot = new AtomicReference<>();
        final int[][] byPartition;
        final int keys;
        final double hotShare;
        final double writeShare;
        final int valueBytes;
        final LongAdder reads = new LongAdder();
        final LongAdder writes = new LongAdder();
        final LongAdder nearHits = new LongAdder();
        final LongAdder hotNanos = new LongAdder();
        final LongAdder nearNanos = new LongAdder();

        Workload(int[][] byPartition, int keys, double hotShare, double writeShare, int valueBytes) {
            this.byPartition = byPartition;
            this.keys = keys;
            this.hotShare = hotShare;
            this.writeShare = writeShare;
            this.valueBytes = valueBytes;
        }

        void drive(SplittableRandom rnd, Handles h, AtomicBoolean running, AtomicReference<Throwable> failure) {
            HotRowCache<Integer, byte[]> hotRows = h.hotRows;
            IgniteCache<Integer, byte[]> hotCache = h.hotCache;
            IgniteCache<Integer, byte[]> near = h.near;
            try {
                while (running.get()) {
                    int key = nextKey(rnd);
                    if (rnd.nextDouble() < writeShare) {
                        byte[] v = new byte[valueBytes];
                        rnd.nextBytes(v);
                        hotCache.put(key, v);
                        near.put(key, v);
                        writes.increment();
                        continue;
                    }
                    long t0 = System.nanoTime();
                    if (near.localPeek(key, CachePeekMode.NEAR) != null)
                        nearHits.increment();
                    near.get(key);
                    long t1 = System.nanoTime();
                    hotRows.get(key);
                    long t2 = System.nanoTime();
                    nearNanos.add(t1 - t0);
                    hotNanos.add(t2 - t1);
                    reads.increment();
                }
            }
            catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }

        private int nextKey(SplittableRandom rnd) {
            if (rnd.nextDouble() >= hotShare)
                return rnd.nextInt(keys);
            int[] parts = hot.get();
            int[] inPart = byPartition[parts[rnd.nextInt(parts.length)]];
            return inPart[rnd.nextInt(inPart.length)];
        }
    }

    /** What the drivers of one client node read and write through. */
    private record Handles(HotRowCache<Integer, byte[]> hotRows, IgniteCache<Integer, byte[]> hotCache,
        IgniteCache<Integer, byte[]> near) {
    }

    /** Counters at one instant: the drivers' and the servers' hot-row metrics. */
    private record Snapshot(long reads, long writes, long nearHits, long hotHits, long hotNanos, long nearNanos,
        long hotEntries, long hotBytes) {
        static Snapshot take(Workload w, List<Ignite> nodes, int servers) {
            long hits = 0;
            long entries = 0;
            long bytes = 0;
            for (int i = 0; i < servers; i++) {
                hits += metric(nodes.get(i), "Hits");
                entries += metric(nodes.get(i), "Entries");
                bytes += metric(nodes.get(i), "EstimatedBytes");
            }
            return new Snapshot(w.reads.sum(), w.writes.sum(), w.nearHits.sum(), hits, w.hotNanos.sum(),
                w.nearNanos.sum(), entries, bytes);
        }

        Snapshot zero() {
            return new Snapshot(0, 0, 0, 0, 0, 0, 0, 0);
        }

        double hotHitRate(Snapshot from) {
            return (double)(hotHits - from.hotHits) / Math.max(1, reads - from.reads);
        }

        double nearHitRate(Snapshot from) {
            return (double)(nearHits - from.nearHits) / Math.max(1, reads - from.reads);
        }
    }

    private static long metric(Ignite node, String name) {
        var reg = ((IgniteEx)node).context().metric().registry("custom." + HotRows.METRICS_PREFIX + HOT);
        LongMetric m = reg.findMetric(name);
        return m == null ? 0 : m.value();
    }

    private static void load(Ignite client, int keys, int valueBytes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (String cache : List.of(HOT, NEAR)) {
            try (IgniteDataStreamer<Integer, byte[]> s = client.dataStreamer(cache)) {
                s.allowOverwrite(true);
                for (int k = 0; k < keys; k++) {
                    byte[] v = new byte[valueBytes];
                    rnd.nextBytes(v);
                    s.addData(k, v);
                }
            }
        }
    }

    private static int[][] keysByPartition(Ignite client, int keys, int partitions) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int p = 0; p < partitions; p++)
            lists.add(new ArrayList<>());
        for (int k = 0; k < keys; k++)
            lists.get(client.affinity(HOT).partition(k)).add(k);
        int[][] out = new int[partitions][];
        for (int p = 0; p < partitions; p++)
            out[p] = lists.get(p).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    /** @return {@code count} distinct partitions, none of them in {@code except} */
    private static int[] pick(SplittableRandom rnd, int partitions, int count, int[] except) {
        Set<Integer> taken = new HashSet<>();
        for (int p : except)
            taken.add(p);
        int[] out = new int[count];
        for (int i = 0; i < count; ) {
            int p = rnd.nextInt(partitions);
            if (taken.add(p))
                out[i++] = p;
        }
        return out;
    }

    private static CacheConfiguration<Integer, byte[]> cacheConfig(String name, int partitions) {
        return new CacheConfiguration<Integer, byte[]>(name)
            .setAffinity(new RendezvousAffinityFunction(false, partitions))
            .setBackups(1)
            .setAtomicityMode(CacheAtomicityMode.ATOMIC)
            .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
    }

    private static IgniteConfiguration config(int base, int i, boolean client) {
        String name = "hotbench-" + base + '-' + i;
        return new IgniteConfiguration()
            .setIgniteInstanceName(name)
            .setClientMode(client)
            .setLocalHost("127.0.0.1")
            .setWorkDirectory(new File("target/ignite-work/" + name).getAbsolutePath())
            .setDiscoverySpi(new TcpDiscoverySpi()
                .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(List.of("127.0.0.1:" + base + ".." + (base + 9))))
                .setLocalPort(base + i)
                .setLocalPortRange(0))
            .setCommunicationSpi(new TcpCommunicationSpi().setLocalPort(base + 10 + i).setLocalPortRange(0))
            .setClientConnectorConfiguration(null)
            .setPluginProviders(new NoAutopilotProvider());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
