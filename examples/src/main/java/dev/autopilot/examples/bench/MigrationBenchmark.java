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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.examples.workload.LoadResult;
import dev.autopilot.examples.workload.TpchSchema;
import dev.autopilot.examples.workload.TpchStreamLoader;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.plugin.AutopilotConfiguration;
import dev.autopilot.plugin.AutopilotPlugin;

/**
 * What filling a derived column costs the foreground: JDBC clients run point reads and updates of LINEITEM rows for
 * a baseline period, then while the adaptation manager adapts the table to a profile (derived columns added and
 * filled by its throttled fill, index built, up to the cut-over), then for a second baseline. Prints throughput and p99 latency of each, and writes {@code target/bench/migration.json} with
 * {@code throughput_drop_during_fill} (1 - during / baseline) and {@code p99_ratio_during_fill} (during / baseline),
 * the baseline being both baseline periods together.
 *
 * <p>Arguments (optional): {@code scale=0.05 baselineSeconds=20 clients=4 nodes=2}, and the fill's settings
 * {@code fillLatencyRatio fillNiceRatio adaptationThreads fillBatchSize} (default: those of the Spring XML; ratios of
 * 0 fill as fast as the fill goes, to measure its speed rather than its manners).
 */
public final class MigrationBenchmark {
    private static final String PROFILE = """
        {"partition_id": "LINEITEM", "table": "PUBLIC.LINEITEM", "version": 1,
         "derived_attributes": [{"name": "AP_DISC_PRICE", "expression": "L_EXTENDEDPRICE * L_DISCOUNT"},
                                {"name": "AP_QTY_BUCKET", "expression": "FLOOR(L_QUANTITY / 10)"}],
         "composite_index": ["AP_QTY_BUCKET", "L_SHIPMODE"]}
        """;

    /** Foreground statements that failed, over the whole run. */
    private static final AtomicLong FAILURES = new AtomicLong();

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("scale", "0.05", "baselineSeconds", "20", "clients", "4",
            "nodes", "2", "fillLatencyRatio", "", "fillNiceRatio", "", "adaptationThreads", "", "fillBatchSize", ""));
        double scale = Double.parseDouble(a.get("scale"));
        long baselineMillis = Long.parseLong(a.get("baselineSeconds")) * 1000;
        int clients = Integer.parseInt(a.get("clients"));

        try (EmbeddedCluster cluster = EmbeddedCluster.start(Path.of("config", "autopilot-server.xml"),
            Integer.parseInt(a.get("nodes")), 47900, true, cfg -> tuneFill(cfg, a))) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0))) {
                TpchSchema.create(c);
            }
            LoadResult loaded = TpchStreamLoader.load(cluster.nodes().get(0), scale);
            System.out.printf(Locale.ROOT, "Loaded %,d line items in %.1f s.%n", loaded.lineItems(),
                loaded.elapsed().toMillis() / 1000.0);
            long[][] keys = keys(cluster.jdbcUrl(0));

            Period warmup = run(cluster, clients, keys, deadline(baselineMillis / 2));
            Period before = run(cluster, clients, keys, deadline(baselineMillis));
            AutopilotPlugin plugin = AutopilotPlugin.of(cluster.nodes().get(0));
            String id = plugin.adaptation().requestAdaptation(PROFILE);
            Period during = run(cluster, clients, keys, () -> cutOver(plugin, id));
            Adaptation adapted = AdaptationProgress.byId(plugin, id);
            Period after = run(cluster, clients, keys, deadline(baselineMillis));

            Period baseline = before.plus(after);
            double drop = 1 - during.throughput() / baseline.throughput();
            double p99Ratio = during.p99Millis() / baseline.p99Millis();
            System.out.printf(Locale.ROOT, "warm-up: %s%nbaseline before: %s%nduring fill (%.1f s): %s%n"
                    + "baseline after: %s%nfill: %,d rows at %,.0f rows/s, pausing %.1fx each batch's time at the end%n"
                    + "throughput drop during fill: %.1f%%, p99 ratio during fill: %.2f%n",
                warmup, before, during.seconds, during, after, adapted.rowsFilled(),
                adapted.fill().rowsPerSecond(adapted.updatedAt()), adapted.fill().niceRatio(), drop * 100, p99Ratio);
            Path file = BenchReport.write("migration", Map.of("throughput_drop_during_fill", round(drop),
                "p99_ratio_during_fill", round(p99Ratio), "fill_seconds", round(during.seconds),
                "baseline_ops_per_second", round(baseline.throughput()),
                "during_ops_per_second", round(during.throughput()), "failed_statements", FAILURES.get(),
                "fill_rows_per_second", round(adapted.fill().rowsPerSecond(adapted.updatedAt())),
                "scale", scale));
            System.out.println("Wrote " + file);
        }
    }

    /** Sets the fill settings given as arguments; the others stay as the Spring XML has them. */
    private static void tuneFill(AutopilotConfiguration cfg, Map<String, String> a) {
        if (!a.get("fillLatencyRatio").isEmpty())
            cfg.getAdaptation().setFillLatencyRatio(Double.parseDouble(a.get("fillLatencyRatio")));
        if (!a.get("fillNiceRatio").isEmpty())
            cfg.getAdaptation().setFillNiceRatio(Double.parseDouble(a.get("fillNiceRatio")));
        if (!a.get("adaptationThreads").isEmpty())
            cfg.setAdaptationThreads(Integer.parseInt(a.get("adaptationThreads")));
        if (!a.get("fillBatchSize").isEmpty())
            cfg.setFillBatchSize(Integer.parseInt(a.get("fillBatchSize")));
    }

    /** Operations and their latencies over one period. */
    private record Period(double seconds, long[] latenciesNanos) {
        double throughput() {
            return latenciesNanos.length / seconds;
        }

        double p99Millis() {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[(int)Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6;
        }

        Period plus(Period other) {
            long[] all = Arrays.copyOf(latenciesNanos, latenciesNanos.length + other.latenciesNanos.length);
            System.arraycopy(other.latenciesNanos, 0, all, latenciesNanos.length, other.latenciesNanos.length);
            return new Period(seconds + other.seconds, all);
        }

        @Override public String toString() {
            return String.format(Locale.ROOT, "%,.0f ops/s, p99 %.1f ms", throughput(), p99Millis());
        }
    }

    /** @return whether the adaptation is cut over; fails if it was rolled back */
    private static boolean cutOver(AutopilotPlugin plugin, String id) {
        Adaptation a = AdaptationProgress.byId(plugin, id);
        if (a.step() == AdaptationStep.ROLLING_BACK || a.step() == AdaptationStep.ROLLED_BACK)
            throw new IllegalStateException("The adaptation was rolled back: " + a.reason());
        return a.step() == AdaptationStep.WATCHING || a.step() == AdaptationStep.DONE;
    }

    private static BooleanSupplier deadline(long millis) {
        long end = System.currentTimeMillis() + millis;
        return () -> System.currentTimeMillis() >= end;
    }

    /** Runs the clients until {@code done}; each alternates a point read and an update of a random row. */
    private static Period run(EmbeddedCluster cluster, int clients, long[][] keys, BooleanSupplier done)
        throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> runs = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                String url = cluster.jdbcUrl(i % cluster.nodes().size());
                runs.add(pool.submit(() -> client(url, keys, stop)));
            }
            while (!done.getAsBoolean())
                Thread.sleep(50);
            stop.set(true);
            List<Long> all = new ArrayList<>();
            for (Future<long[]> r : runs)
                Arrays.stream(r.get()).forEach(all::add);
            return new Period((System.nanoTime() - start) / 1e9, all.stream().mapToLong(Long::longValue).toArray());
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static long[] client(String url, long[][] keys, AtomicBoolean stop) {
        List<Long> latencies = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement read = c.prepareStatement(
                 "SELECT L_QUANTITY, L_COMMENT FROM LINEITEM WHERE L_ORDERKEY = ? AND L_LINENUMBER = ?");
             PreparedStatement update = c.prepareStatement(
                 "UPDATE LINEITEM SET L_QUANTITY = ? WHERE L_ORDERKEY = ? AND L_LINENUMBER = ?")) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (!stop.get()) {
                long[] key = keys[rnd.nextInt(keys.length)];
                long t0 = System.nanoTime();
                read.setLong(1, key[0]);
                read.setInt(2, (int)key[1]);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                }
                catch (SQLException e) {
                    failed(e);
                }
                latencies.add(System.nanoTime() - t0);
                long t1 = System.nanoTime();
                update.setBigDecimal(1, java.math.BigDecimal.valueOf(1 + rnd.nextInt(50)).setScale(2));
                update.setLong(2, key[0]);
                update.setInt(3, (int)key[1]);
                try {
                    update.executeUpdate();
                }
                catch (SQLException e) {
                    failed(e);
                }
                latencies.add(System.nanoTime() - t1);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Foreground client failed: " + e.getMessage(), e);
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Counts and prints a failed statement: one that runs while {@code ALTER TABLE ADD COLUMN} changes the table can
     * fail in Ignite 2.17 (see IGNITE-NOTES.md), and that is part of what an adaptation costs its users.
     */
    private static void failed(SQLException e) {
        FAILURES.incrementAndGet();
        System.out.println("foreground statement failed: " + e.getMessage());
    }

    /** @return up to 20,000 (order key, line number) pairs of existing rows */
    private static long[][] keys(String url) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT L_ORDERKEY, L_LINENUMBER FROM LINEITEM "
                 + "WHERE L_ORDERKEY < 80000");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next() && out.size() < 20_000)
                out.add(new long[] {rs.getLong(1), rs.getInt(2)});
        }
        return out.toArray(new long[0][]);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
