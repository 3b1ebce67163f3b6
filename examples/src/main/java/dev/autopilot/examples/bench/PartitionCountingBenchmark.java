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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.autopilot.affinity.hot.HotRowInterceptor;
import dev.autopilot.affinity.load.PartitionLoad;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.plugin.NoAutopilotProvider;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * What counting reads and writes per partition costs. First the counting call alone ({@link PartitionLoad#read}: the
 * cache's counters found, the key's partition computed, a striped counter incremented), by one thread over many
 * partitions and by two threads on one partition. Then local {@code get} and {@code put} on one node, a cache with the
 * {@link HotRowInterceptor} against the same cache without, in rounds where each goes first in turn, after a round
 * that only warms up. One server node in this JVM,
 * discovery on port {@code base} (default 28200). Writes {@code target/bench/partition_counting.json}.
 *
 * <p>{@code mvn -B -ntp -q install -DskipTests && mvn -B -ntp -q -pl examples exec:java
 * -Dexec.mainClass=dev.autopilot.examples.bench.PartitionCountingBenchmark} (arguments: {@code ops=2000000 rounds=5
 * keys=10000 base=28200}).
 */
public final class PartitionCountingBenchmark {
    private PartitionCountingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("ops", "2000000", "rounds", "5", "keys", "10000",
            "base", "28200"));
        int ops = Integer.parseInt(a.get("ops"));
        int rounds = Integer.parseInt(a.get("rounds"));
        int keys = Integer.parseInt(a.get("keys"));
        int base = Integer.parseInt(a.get("base"));

        try (Ignite node = Ignition.start(config(base))) {
            IgniteCache<Integer, Long> counted = node.getOrCreateCache(cache("counted")
                .setInterceptor(new HotRowInterceptor<>()));
            IgniteCache<Integer, Long> plain = node.getOrCreateCache(cache("plain"));
            for (int k = 0; k < keys; k++) {
                counted.put(k, (long)k);
                plain.put(k, (long)k);
            }
            PartitionLoad load = PartitionLoad.of(node);

            double countOne = Double.MAX_VALUE;
            double countContended = Double.MAX_VALUE;
            long[] getNanos = new long[2];
            long[] putNanos = new long[2];
            for (int r = -1; r < rounds; r++) {
                double one = countNanos(load, ops, keys);
                double two = contendedNanos(load, ops);
                // Round -1 warms the JIT up; then the two caches take turns going first.
                IgniteCache<Integer, Long> firstCache = r % 2 == 0 ? plain : counted;
                IgniteCache<Integer, Long> secondCache = firstCache == plain ? counted : plain;
                long g1 = gets(firstCache, ops / 10, keys);
                long g2 = gets(secondCache, ops / 10, keys);
                long p1 = puts(firstCache, ops / 20, keys);
                long p2 = puts(secondCache, ops / 20, keys);
                if (r < 0)
                    continue;
                countOne = Math.min(countOne, one);
                countContended = Math.min(countContended, two);
                getNanos[firstCache == plain ? 0 : 1] += g1;
                getNanos[secondCache == plain ? 0 : 1] += g2;
                putNanos[firstCache == plain ? 0 : 1] += p1;
                putNanos[secondCache == plain ? 0 : 1] += p2;
            }
            double getPlain = (double)getNanos[0] / rounds / (ops / 10);
            double getCounted = (double)getNanos[1] / rounds / (ops / 10);
            double putPlain = (double)putNanos[0] / rounds / (ops / 20);
            double putCounted = (double)putNanos[1] / rounds / (ops / 20);

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("counting_nanos_per_op", round(countOne));
            out.put("counting_nanos_per_op_two_threads_one_partition", round(countContended));
            out.put("local_get_nanos_plain", round(getPlain));
            out.put("local_get_nanos_with_interceptor", round(getCounted));
            out.put("local_put_nanos_plain", round(putPlain));
            out.put("local_put_nanos_with_interceptor", round(putCounted));
            a.forEach(out::put);
            out.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-48s %s%n", k, v));
            System.out.println("Wrote " + BenchReport.write("partition_counting", out));
        }
    }

    /** @return nanoseconds per counted read, one thread, keys over all partitions (the best round is reported) */
    private static double countNanos(PartitionLoad load, int ops, int keys) {
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++)
            load.read("counted", i % keys);
        return (double)(System.nanoTime() - t0) / ops;
    }

    /** @return nanoseconds per counted read when two threads count the same key's partition */
    private static double contendedNanos(PartitionLoad load, int ops) throws InterruptedException {
        Runnable r = () -> {
            for (int i = 0; i < ops / 2; i++)
                load.read("counted", 1);
        };
        Thread a = new Thread(r);
        Thread b = new Thread(r);
        long t0 = System.nanoTime();
        a.start();
        b.start();
        a.join();
        b.join();
        return (double)(System.nanoTime() - t0) / ops;
    }

    private static long gets(IgniteCache<Integer, Long> cache, int ops, int keys) {
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++)
            cache.get(i % keys);
        return System.nanoTime() - t0;
    }

    private static long puts(IgniteCache<Integer, Long> cache, int ops, int keys) {
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++)
            cache.put(i % keys, (long)i);
        return System.nanoTime() - t0;
    }

    private static CacheConfiguration<Integer, Long> cache(String name) {
        return new CacheConfiguration<Integer, Long>(name).setAffinity(new RendezvousAffinityFunction(false, 1024));
    }

    private static IgniteConfiguration config(int base) {
        String name = "counting-" + base;
        return new IgniteConfiguration()
            .setIgniteInstanceName(name)
            .setLocalHost("127.0.0.1")
            .setWorkDirectory(new File("target/ignite-work/" + name).getAbsolutePath())
            .setDiscoverySpi(new TcpDiscoverySpi()
                .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(List.of("127.0.0.1:" + base)))
                .setLocalPort(base)
                .setLocalPortRange(0))
            .setCommunicationSpi(new TcpCommunicationSpi().setLocalPort(base + 10).setLocalPortRange(0))
            .setClientConnectorConfiguration(null)
            .setPluginProviders(new NoAutopilotProvider());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
