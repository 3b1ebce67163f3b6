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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import dev.autopilot.plugin.AdaptationMode;
import dev.autopilot.plugin.AutopilotConfiguration;
import dev.autopilot.plugin.AutopilotPlugin;
import org.apache.ignite.Ignite;

/**
 * The main job: three server nodes in this JVM with Autopilot installed from {@code config/autopilot-server.xml}, TPC-H
 * lineitem and orders loaded through JDBC, and a drifting workload replayed by JDBC thin clients while Autopilot's
 * adaptation manager runs in {@code AUTO} mode, as a user would run it. After each phase it prints when Autopilot
 * adapted a table and what it added (from {@code AUTOPILOT.ADAPTATIONS}), each template's latency before and after
 * the cut-over, and how many statements were rewritten to use the new structures.
 *
 * <p>Arguments (all optional): {@code scale=0.01 phaseSeconds=45 concurrency=4 nodes=3}.
 */
public final class Demo {
    /** Query-log window of the demo: the manager judges a table once per window. */
    private static final int WINDOW_SECONDS = 5;

    /** How long the demo waits at the end for an adaptation on its way, before it stops the cluster. */
    private static final long FINISH_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(90);

    private static final String PIN = "INSERT INTO AUTOPILOT.ADAPTATION_PINS (TABLE_NAME, REASON, PINNED_AT) "
        + "VALUES (?, 'the demo is over', CURRENT_TIMESTAMP)";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("scale", "0.01", "phaseSeconds", "45", "concurrency", "4",
            "nodes", "3"));
        double scale = Double.parseDouble(a.get("scale"));
        int phaseSeconds = Integer.parseInt(a.get("phaseSeconds"));
        int concurrency = Integer.parseInt(a.get("concurrency"));
        int nodes = Integer.parseInt(a.get("nodes"));
        long began = System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "Ignite Autopilot demo: %d server nodes, TPC-H scale %s, 3 phases of %d s, "
            + "%d JDBC clients%n", nodes, scale, phaseSeconds, concurrency);
        System.out.printf(Locale.ROOT, "The adaptation manager runs in AUTO mode. config/autopilot-server.xml sets "
            + "RECOMMEND and 10 s windows; this demo shortens the windows to %d s and adapts a table after one slow "
            + "window, so that Autopilot adapts within a phase.%n%n", WINDOW_SECONDS);

        try (EmbeddedCluster cluster = EmbeddedCluster.start(Path.of("config", "autopilot-server.xml"), nodes,
            47500, true, Demo::adaptWithinAPhase)) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0))) {
                TpchSchema.create(c);
            }
            LoadResult loaded = TpchLoader.builder(cluster.jdbcUrl(0)).scaleFactor(scale).threads(2).build().load();
            System.out.printf(Locale.ROOT, "Loaded %,d orders and %,d line items in %.1f s over JDBC.%n",
                loaded.orders(), loaded.lineItems(), loaded.elapsed().toMillis() / 1000.0);
            Ignite first = cluster.nodes().get(0);
            // A running cluster has its tables' statistics from the scheduled refresh; a fresh one collects them now.
            AutopilotPlugin.of(first).profiles().refreshStatistics();
            System.out.println("Autopilot collected the tables' statistics. The workload starts.");
            System.out.println();

            AdaptationLog adaptations = new AdaptationLog(cluster.jdbcUrl(0));
            ExecutionTimeline timeline = new ExecutionTimeline();
            PhaseReport report = new PhaseReport(System.out);
            long[] phaseStart = {System.currentTimeMillis()};
            long[] rewrittenBefore = {rewritten(cluster)};
            int[] faster = {0};
            WorkloadDriver driver = WorkloadDriver.builder(cluster.jdbcUrl())
                .concurrency(concurrency)
                .seed(7)
                .executionListener(timeline)
                .listener((phase, result) -> {
                    long end = System.currentTimeMillis();
                    long rewritten = rewritten(cluster);
                    try {
                        if (report.print(result, phaseStart[0], end, adaptations.all(), timeline.drain(),
                            rewritten - rewrittenBefore[0], rewritten))
                            faster[0]++;
                    }
                    catch (SQLException e) {
                        throw new IllegalStateException("Could not read AUTOPILOT.ADAPTATIONS: " + e.getMessage(), e);
                    }
                    rewrittenBefore[0] = rewritten;
                    phaseStart[0] = System.currentTimeMillis();
                })
                .build();

            DriftingWorkload workload = TpchWorkloads.threePhaseDrift(TpchTemplates.forScale(scale),
                Long.MAX_VALUE, Duration.ofSeconds(phaseSeconds));
            WorkloadResult result = driver.run(workload);
            System.out.printf(Locale.ROOT, "Done: %,d queries, %d errors; in %d of %d phases a template got faster "
                + "after Autopilot adapted.%n", result.queries(), result.errors(), faster[0],
                workload.phases().size());
            finishAdaptations(cluster.jdbcUrl(0), adaptations);
        }
        System.out.printf(Locale.ROOT, "Cluster stopped; the demo took %.0f s.%n",
            (System.currentTimeMillis() - began) / 1000.0);
    }

    /**
     * The settings of {@code config/autopilot-server.xml}, with the manager adapting by itself within a phase of
     * tens of seconds, as the drift benchmark runs it: 5 s windows, one slow window, no minimum interval between
     * adaptations, fills paced by nothing but the cluster; no scheduled statistics refresh (the manager refreshes a
     * slow table's statistics itself when they are older than an hour). The watch stays on: an adaptation that makes
     * its table slower is rolled back, as it would be on a user's cluster.
     */
    private static void adaptWithinAPhase(AutopilotConfiguration cfg) {
        cfg.setWindowSeconds(WINDOW_SECONDS).setStatisticsRefreshSeconds(0).setStatisticsMaxAgeSeconds(3600)
            .setAdaptationThreads(8).setFillBatchSize(25);
        cfg.getAdaptation().setMode(AdaptationMode.AUTO).setSlowWindows(1).setMinIntervalSeconds(0)
            .setFillLatencyRatio(0).setFillNiceRatio(0);
    }

    /** @return statements rewritten so far, summed over the nodes */
    private static long rewritten(EmbeddedCluster cluster) {
        return cluster.nodes().stream().mapToLong(n -> AutopilotPlugin.of(n).rewriting().rewrittenStatements()).sum();
    }

    /**
     * Pins the tables, so that the manager starts nothing new, and waits for an adaptation on its way to finish: a
     * cluster stopped in the middle of one resumes it when it starts again, but this one will not.
     */
    private static void finishAdaptations(String jdbcUrl, AdaptationLog adaptations)
        throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement ps = c.prepareStatement(PIN)) {
            for (String table : List.of(TpchSchema.LINEITEM, TpchSchema.ORDERS)) {
                ps.setString(1, "PUBLIC." + table);
                ps.executeUpdate();
            }
        }
        long deadline = System.currentTimeMillis() + FINISH_WAIT_MILLIS;
        List<AdaptationLog.Adaptation> running = adaptations.all().stream().filter(AdaptationLog.Adaptation::running)
            .toList();
        if (!running.isEmpty())
            System.out.println("Waiting for adaptation " + running.get(0).id() + " to finish before stopping.");
        while (!running.isEmpty() && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
            running = adaptations.all().stream().filter(AdaptationLog.Adaptation::running).toList();
        }
    }
}
