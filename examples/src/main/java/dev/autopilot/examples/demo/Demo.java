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

package dev.autopilot.examples.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.examples.workload.DriftingWorkload;
import dev.autopilot.examples.workload.LoadResult;
import dev.autopilot.examples.workload.TpchLoader;
import dev.autopilot.examples.workload.TpchSchema;
import dev.autopilot.examples.workload.TpchTemplates;
import dev.autopilot.examples.workload.TpchWorkloads;
import dev.autopilot.examples.workload.WorkloadDriver;
import dev.autopilot.examples.workload.WorkloadResult;
import dev.autopilot.plugin.AutopilotPlugin;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.Ignite;

/**
 * The main job: three server nodes in this JVM with Autopilot installed from {@code config/autopilot-server.xml},
 * TPC-H lineitem and orders loaded through JDBC, a drifting workload replayed by JDBC thin clients, and after each
 * phase what Autopilot observed (top templates, hot predicates and expressions, per-table statistics), the schema
 * profile it proposes for each table from the phase's last complete window, and the profiles it applies (derived
 * columns, indexes), which the next phase's queries are rewritten to use.
 *
 * <p>Arguments (all optional): {@code scale=0.02 phaseSeconds=30 concurrency=4 nodes=3}.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("scale", "0.02", "phaseSeconds", "30", "concurrency", "4",
            "nodes", "3"));
        double scale = Double.parseDouble(a.get("scale"));
        int phaseSeconds = Integer.parseInt(a.get("phaseSeconds"));
        int concurrency = Integer.parseInt(a.get("concurrency"));
        int nodes = Integer.parseInt(a.get("nodes"));
        System.out.printf(Locale.ROOT, "Ignite Autopilot demo: %d server nodes, TPC-H scale %s, %d s per phase, "
            + "%d JDBC clients%n", nodes, scale, phaseSeconds, concurrency);

        try (EmbeddedCluster cluster = EmbeddedCluster.start(Path.of("config", "autopilot-server.xml"), nodes,
            47500, true)) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0))) {
                TpchSchema.create(c);
            }
            LoadResult loaded = TpchLoader.builder(cluster.jdbcUrl(0)).scaleFactor(scale).threads(2).build().load();
            System.out.printf(Locale.ROOT, "Loaded %,d orders and %,d line items in %.1f s over JDBC.%n%n",
                loaded.orders(), loaded.lineItems(), loaded.elapsed().toMillis() / 1000.0);

            Ignite first = cluster.nodes().get(0);
            long windowMillis = AutopilotPlugin.of(first).queryLog().windowMillis();
            ObservationReport report = new ObservationReport(cluster.jdbcUrl(0), windowMillis, System.out);
            long[] phaseStart = {System.currentTimeMillis()};

            WorkloadDriver driver = WorkloadDriver.builder(cluster.jdbcUrl())
                .concurrency(concurrency)
                .seed(7)
                .listener((phase, result) -> {
                    long end = System.currentTimeMillis();
                    cluster.nodes().forEach(n -> AutopilotPlugin.of(n).flushQueryLog());
                    List<SchemaProfile> profiles = AutopilotPlugin.of(first).refreshProfiles();
                    System.out.printf(Locale.ROOT, "=== Phase %d: %s — %,d queries in %.1f s (%.0f q/s), %d errors "
                        + "===%n", result.index() + 1, result.phase(), result.queries(),
                        result.elapsed().toMillis() / 1000.0, result.throughputPerSecond(), result.errors());
                    try {
                        report.print(phaseStart[0], end);
                    }
                    catch (SQLException e) {
                        throw new IllegalStateException("Could not read the AUTOPILOT tables: " + e.getMessage(), e);
                    }
                    long rewritten = cluster.nodes().stream()
                        .mapToLong(n -> AutopilotPlugin.of(n).rewrittenStatements()).sum();
                    System.out.printf(Locale.ROOT, "  statements rewritten to use applied structures so far: %,d%n",
                        rewritten);
                    apply(AutopilotPlugin.of(first), profiles);
                    System.out.println();
                    phaseStart[0] = System.currentTimeMillis();
                })
                .build();

            DriftingWorkload workload = TpchWorkloads.threePhaseDrift(TpchTemplates.forScale(scale),
                Long.MAX_VALUE, Duration.ofSeconds(phaseSeconds));
            WorkloadResult result = driver.run(workload);
            System.out.printf(Locale.ROOT, "Done: %,d queries, %d errors.%n", result.queries(), result.errors());
        }
    }

    /** Applies every profile that promises a net gain, as the adaptation manager will do by itself. */
    private static void apply(AutopilotPlugin plugin, List<SchemaProfile> profiles) {
        for (SchemaProfile p : profiles) {
            if (p.empty() || p.expectedBenefit() == null || p.expectedBenefit().netGain() <= 0)
                continue;
            long start = System.nanoTime();
            try {
                PartitionLayout layout = plugin.applyProfile(ProfileCodec.write(p));
                System.out.printf(Locale.ROOT, "  applied to %s in %.1f s: layout v%d, derived %s, indexes %s%n",
                    p.table(), (System.nanoTime() - start) / 1e9, layout.version(),
                    layout.derived().stream().map(c -> c.name() + " = " + c.expression()).toList(),
                    layout.indexes().stream().map(i -> i.name() + i.columns()).toList());
            }
            catch (RuntimeException e) {
                System.out.println("  could not apply the profile of " + p.table() + ": " + e.getMessage());
            }
        }
    }
}
