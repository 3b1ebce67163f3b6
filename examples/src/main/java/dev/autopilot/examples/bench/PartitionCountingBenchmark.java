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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.autopilot.affinity.hot.HotRowInterceptor;
import dev.autopilot.affinity.load.PartitionLoad;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.testkit.NoAutopilotProvider;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH: what counting reads and writes per partition costs. {@code count}: the counting call alone
 * ({@link PartitionLoad#read}: the cache's counters found, the key's partition computed, a striped counter
 * incremented), one thread over keys in all partitions; {@code countOnePartition}: the same call by two threads on one
 * key's partition (the time per call of each thread). Then local {@code get} and {@code put} on one node, on a cache
 * with the {@link HotRowInterceptor} ({@code getCounted}, {@code putCounted}) and on the same cache without
 * ({@code getPlain}, {@code putPlain}): having an interceptor makes Ignite read the old value on every put. One
 * server node in each forked JVM, discovery on port {@code base}. {@link #main} runs them and writes
 * {@code target/bench/partition_counting.json}.
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests &amp;&amp; mvn -B -ntp -q -pl examples exec:exec -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath dev.autopilot.examples.bench.PartitionCountingBenchmark"
 * </pre>
 *
 * <p>Arguments (optional): {@code forks=1 warmups=5 iterations=5 seconds=2 keys=10000 base=28200}. The forked JVMs
 * get the options of {@code .mvn/jvm.config} (Ignite's {@code --add-opens} on Java 17, the heap), as Maven's own JVM
 * does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PartitionCountingBenchmark {
    /** Figure names in partition_counting.json, as the hand-timed version of this benchmark wrote them. */
    private static final Map<String, String> FIGURES = Map.of(
        "count", "counting_nanos_per_op",
        "countOnePartition", "counting_nanos_per_op_two_threads_one_partition",
        "getPlain", "local_get_nanos_plain",
        "getCounted", "local_get_nanos_with_interceptor",
        "putPlain", "local_put_nanos_plain",
        "putCounted", "local_put_nanos_with_interceptor");

    @Param("10000")
    public int keys;

    @Param("28200")
    public int base;

    private Ignite node;
    private PartitionLoad load;
    private IgniteCache<Integer, Long> counted;
    private IgniteCache<Integer, Long> plain;

    /** Each thread's next key. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int key(int keys) {
            next = next + 1 == keys ? 0 : next + 1;
            return next;
        }
    }

    @Setup(Level.Trial)
    public void startNode() {
        node = Ignition.start(config(base));
        counted = node.getOrCreateCache(cache("counted").setInterceptor(new HotRowInterceptor<>()));
        plain = node.getOrCreateCache(cache("plain"));
        for (int k = 0; k < keys; k++) {
            counted.put(k, (long)k);
            plain.put(k, (long)k);
        }
        load = PartitionLoad.of(node);
    }

    @TearDown(Level.Trial)
    public void stopNode() {
        node.close();
    }

    @Benchmark
    public void count(Cursor c) {
        load.read("counted", c.key(keys));
    }

    @Benchmark
    @Threads(2)
    public void countOnePartition() {
        load.read("counted", 1);
    }

    @Benchmark
    public Long getPlain(Cursor c) {
        return plain.get(c.key(keys));
    }

    @Benchmark
    public Long getCounted(Cursor c) {
        return counted.get(c.key(keys));
    }

    @Benchmark
    public void putPlain(Cursor c) {
        int k = c.key(keys);
        plain.put(k, (long)k);
    }

    @Benchmark
    public void putCounted(Cursor c) {
        int k = c.key(keys);
        counted.put(k, (long)k);
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

    /** @return the JVM options in {@code .mvn/jvm.config} under the repository root */
    private static String[] jvmConfig() throws IOException {
        Path file = BenchReport.repositoryRoot(Path.of("")).resolve(".mvn").resolve("jvm.config");
        return Arrays.stream(Files.readString(file).trim().split("\\s+")).filter(o -> !o.isEmpty())
            .toArray(String[]::new);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("forks", "1", "warmups", "5", "iterations", "5",
            "seconds", "2", "keys", "10000", "base", "28200"));
        TimeValue time = TimeValue.seconds(Long.parseLong(a.get("seconds")));
        Collection<RunResult> results = new Runner(new OptionsBuilder()
            .include(PartitionCountingBenchmark.class.getName() + "\\.")
            .forks(Integer.parseInt(a.get("forks")))
            .jvmArgsAppend(jvmConfig())
            .param("keys", a.get("keys"))
            .param("base", a.get("base"))
            .warmupIterations(Integer.parseInt(a.get("warmups"))).warmupTime(time)
            .measurementIterations(Integer.parseInt(a.get("iterations"))).measurementTime(time)
            .build()).run();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (RunResult r : results) {
            String key = FIGURES.get(r.getParams().getBenchmark()
                .substring(PartitionCountingBenchmark.class.getName().length() + 1));
            figures.put(key, Math.round(r.getPrimaryResult().getScore() * 10) / 10.0);
            figures.put(key + "_error", Math.round(r.getPrimaryResult().getScoreError() * 10) / 10.0);
        }
        a.forEach(figures::put);
        System.out.println("written to " + BenchReport.write("partition_counting", figures));
    }
}
