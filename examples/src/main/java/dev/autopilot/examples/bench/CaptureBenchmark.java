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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.examples.workload.DriftingWorkload;
import dev.autopilot.examples.workload.PhaseResult;
import dev.autopilot.examples.workload.TemplateStats;
import dev.autopilot.examples.workload.TpchLoader;
import dev.autopilot.examples.workload.TpchSchema;
import dev.autopilot.examples.workload.TpchTemplates;
import dev.autopilot.examples.workload.WorkloadDriver;
import dev.autopilot.examples.workload.WorkloadPhase;

/**
 * What capturing every execution costs: two clusters side by side in this JVM, one with Autopilot and one plain
 * Ignite, both from {@code config/autopilot-server.xml} and loaded with the same TPC-H data, run the same query mix
 * from JDBC thin clients in alternating rounds (after a warm-up of each), so that the machine's noise falls on both.
 * Prints the mean client latency of each and their ratio, and writes {@code target/bench/capture.json} with
 * {@code capture_latency_ratio} (Autopilot / plain).
 *
 * <p>Arguments (optional): {@code scale=0.01 rounds=4 roundSeconds=15 concurrency=4 nodes=2}.
 */
public final class CaptureBenchmark {
    private CaptureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("scale", "0.01", "rounds", "4", "roundSeconds", "15",
            "concurrency", "4", "nodes", "2"));
        double scale = Double.parseDouble(a.get("scale"));
        int rounds = Integer.parseInt(a.get("rounds"));
        Duration round = Duration.ofSeconds(Long.parseLong(a.get("roundSeconds")));
        int concurrency = Integer.parseInt(a.get("concurrency"));
        int nodes = Integer.parseInt(a.get("nodes"));
        Path config = Path.of("config", "autopilot-server.xml");

        try (EmbeddedCluster on = EmbeddedCluster.start(config, nodes, 47600, true);
             EmbeddedCluster off = EmbeddedCluster.start(config, nodes, 47700, false)) {
            for (EmbeddedCluster c : List.of(on, off)) {
                try (Connection conn = DriverManager.getConnection(c.jdbcUrl(0))) {
                    TpchSchema.create(conn);
                }
                TpchLoader.builder(c.jdbcUrl(0)).scaleFactor(scale).threads(2).build().load();
            }

            TpchTemplates templates = TpchTemplates.forScale(scale);
            run(on, mix(templates, round), concurrency);
            run(off, mix(templates, round), concurrency);

            List<PhaseResult> onRounds = new ArrayList<>();
            List<PhaseResult> offRounds = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                boolean onFirst = i % 2 == 0;
                (onFirst ? onRounds : offRounds).add(run(onFirst ? on : off, mix(templates, round), concurrency));
                (onFirst ? offRounds : onRounds).add(run(onFirst ? off : on, mix(templates, round), concurrency));
                System.out.printf(Locale.ROOT, "round %d: autopilot %.0f us mean (%.0f q/s), plain %.0f us mean "
                    + "(%.0f q/s)%n", i + 1, onRounds.get(i).total().meanMicros(),
                    onRounds.get(i).throughputPerSecond(), offRounds.get(i).total().meanMicros(),
                    offRounds.get(i).throughputPerSecond());
            }

            double onMean = meanMicros(onRounds, null);
            double offMean = meanMicros(offRounds, null);
            double onLookup = meanMicros(onRounds, TpchTemplates.POINT_LOOKUP);
            double offLookup = meanMicros(offRounds, TpchTemplates.POINT_LOOKUP);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("capture_latency_ratio", round3(onMean / offMean));
            figures.put("autopilot_mean_micros", round3(onMean));
            figures.put("plain_mean_micros", round3(offMean));
            figures.put("point_lookup_latency_ratio", round3(onLookup / offLookup));
            figures.put("autopilot_point_lookup_mean_micros", round3(onLookup));
            figures.put("plain_point_lookup_mean_micros", round3(offLookup));
            figures.put("autopilot_queries", onRounds.stream().mapToLong(PhaseResult::queries).sum());
            figures.put("plain_queries", offRounds.stream().mapToLong(PhaseResult::queries).sum());
            figures.put("rounds", rounds);
            figures.put("round_seconds", round.toSeconds());
            figures.put("concurrency", concurrency);
            figures.put("scale", scale);

            System.out.printf(Locale.ROOT, "capture_latency_ratio = %.3f (autopilot %.0f us / plain %.0f us mean "
                + "client latency over %d rounds)%n", onMean / offMean, onMean, offMean, rounds);
            System.out.printf(Locale.ROOT, "point_lookup_latency_ratio = %.3f (autopilot %.0f us / plain %.0f us)%n",
                onLookup / offLookup, onLookup, offLookup);
            System.out.println("written to " + BenchReport.write("capture", figures));
        }
    }

    /** Short queries, where a fixed per-execution cost shows most, and a few heavier ones. */
    private static DriftingWorkload mix(TpchTemplates t, Duration round) {
        return DriftingWorkload.builder()
            .phase(WorkloadPhase.builder("capture-mix")
                .weight(t.get(TpchTemplates.POINT_LOOKUP), 12)
                .weight(t.get(TpchTemplates.UPDATE_COMMENT), 4)
                .weight(t.get(TpchTemplates.SHIPDATE_RANGE), 2)
                .weight(t.get(TpchTemplates.DISCOUNTED_REVENUE_BAND), 2)
                .maxDuration(round)
                .build())
            .build();
    }

    private static PhaseResult run(EmbeddedCluster c, DriftingWorkload w, int concurrency) throws Exception {
        return WorkloadDriver.builder(c.jdbcUrl()).concurrency(concurrency).seed(11).build().run(w).phases().get(0);
    }

    /** @return the mean latency over all rounds, of one template or (for {@code null}) of all queries */
    private static double meanMicros(List<PhaseResult> rounds, String template) {
        double sum = 0;
        long n = 0;
        for (PhaseResult r : rounds) {
            TemplateStats s = template == null ? r.total() : r.template(template);
            sum += s.meanMicros() * s.queries();
            n += s.queries();
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
