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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;

/**
 * The drifting-workload benchmark: the same TPC-H data and the same drifting workload (three phases with different
 * dominant templates, and a steady stream of updates) against three fresh embedded clusters — static (primary keys
 * only), hand-tuned ({@link HandTunedProfile} created before the run) and Autopilot (starts like static and adapts by
 * itself). Prints per-phase ratios and the key figures against their targets, and writes
 * {@code target/bench/drift.json} and the self-contained report {@code target/bench/drift.html}.
 *
 * <p>Arguments (optional): {@code scale=0.1 phaseSeconds=180 readers=2 writesPerSecond=5 nodes=2 base=26000
 * windowSeconds=5 slowWindows=1 minIntervalSeconds=0 watchWindows=0 fillLatencyRatio=0 fillNiceRatio=0
 * adaptationThreads=8 fillBatchSize=25 statisticsMaxAgeSeconds=3600 quietSeconds=15
 * setups=static,hand-tuned,autopilot fork=true interleave=true}
 * ({@code quietSeconds}: updates alone after the workload, 20 a second, so that their cost is also measured without
 * the reads' load; {@code setups}: a subset runs without the comparison, for trials; {@code fork}: each configuration
 * runs in a JVM of its own, see {@link ForkedRuns}; {@code interleave}: with forks, the configurations run at the same
 * time and take turns reading, two seconds each ({@link ReadTurns}), so that every figure compared comes from the same
 * minutes of this shared machine, the updates' included; Autopilot reads alone for the first 20 s of each phase and
 * while it adapts, as it would on a machine of its own; throughput counts the seconds a configuration reads in;
 * {@code interleave=false}: one after the other). Phases last long enough for an adaptation that fills a column of
 * every row to be measured in use on this 2-core machine. {@code fillLatencyRatio=0} paces fills by their nice ratio
 * only: with the CPU saturated by the scans an adaptation is meant to remove, the probe-based throttle measures the
 * queueing any extra work causes and keeps the fill at its slowest; for the same reason fills do not pause
 * ({@code fillNiceRatio=0}) and take eight partitions at a time ({@code adaptationThreads=8}): the sooner the
 * adaptation is done, the sooner those scans stop, and on two cores busy with those scans a fill gets the CPU by the
 * threads it keeps runnable. Its batches are a quarter of the plugin's default ({@code fillBatchSize=25}): a batch
 * holds a striped-pool thread of the primary and the backup, and the updates that land there wait for it; eight
 * threads with batches of 50 slowed the updates by a fifth, with batches of 25 they stayed within static's.
 */
public final class DriftBenchmark {
    /**
     * The order in which configurations running at the same time take their turns: whatever static's scans run into
     * the next turn slows Autopilot, not the configuration it is compared with.
     */
    private static final List<DriftSetup> TURN_ORDER = List.of(DriftSetup.STATIC, DriftSetup.AUTOPILOT,
        DriftSetup.HAND_TUNED);

    private DriftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.ofEntries(Map.entry("scale", "0.1"),
            Map.entry("phaseSeconds", "180"), Map.entry("readers", "2"), Map.entry("writesPerSecond", "5"),
            Map.entry("nodes", "2"), Map.entry("base", "26000"), Map.entry("windowSeconds", "5"),
            Map.entry("slowWindows", "1"), Map.entry("minIntervalSeconds", "0"), Map.entry("watchWindows", "0"),
            Map.entry("fillLatencyRatio", "0"), Map.entry("fillNiceRatio", "0"), Map.entry("adaptationThreads", "8"),
            Map.entry("fillBatchSize", "25"), Map.entry("statisticsMaxAgeSeconds", "3600"),
            Map.entry("quietSeconds", "15"), Map.entry("setups", "static,hand-tuned,autopilot"),
            Map.entry("fork", "true"), Map.entry("interleave", "true"), Map.entry(ForkedRuns.RESULT_FILE, ""),
            Map.entry(ForkedRuns.TOGETHER, ""), Map.entry(ForkedRuns.TURN_ORDER, "")));
        double scale = Double.parseDouble(a.get("scale"));
        int phaseSeconds = Integer.parseInt(a.get("phaseSeconds"));
        int readers = Integer.parseInt(a.get("readers"));
        double writesPerSecond = Double.parseDouble(a.get("writesPerSecond"));
        int nodes = Integer.parseInt(a.get("nodes"));
        int base = Integer.parseInt(a.get("base"));
        DriftSetup.AutopilotSettings settings = new DriftSetup.AutopilotSettings(
            Integer.parseInt(a.get("windowSeconds")), Integer.parseInt(a.get("slowWindows")),
            Integer.parseInt(a.get("minIntervalSeconds")), Integer.parseInt(a.get("watchWindows")),
            Double.parseDouble(a.get("fillLatencyRatio")), Double.parseDouble(a.get("fillNiceRatio")),
            Integer.parseInt(a.get("adaptationThreads")), Integer.parseInt(a.get("fillBatchSize")),
            Integer.parseInt(a.get("statisticsMaxAgeSeconds")));
        DriftWorkload workload = new DriftWorkload(scale);
        System.out.printf(Locale.ROOT, "Drift benchmark: TPC-H scale %s, %d nodes, %d phases of %d s, %d readers, "
            + "%.0f writes/s; Autopilot %s%n", scale, nodes, workload.phases().size(), phaseSeconds, readers,
            writesPerSecond, settings);

        DriftRun run = new DriftRun(Path.of("config", "autopilot-server.xml"), nodes, scale, workload, phaseSeconds,
            readers, writesPerSecond, Integer.parseInt(a.get("quietSeconds")), settings);
        List<DriftSetup> chosen = Arrays.stream(DriftSetup.values())
            .filter(s -> List.of(a.get("setups").split(",")).contains(s.label())).toList();
        List<ConfigRun> runs = new ArrayList<>();
        if (!Boolean.parseBoolean(a.get("fork"))) {
            Rendezvous together = a.get(ForkedRuns.TOGETHER).isEmpty() ? null
                : new Rendezvous(Path.of(a.get(ForkedRuns.TOGETHER)), chosen.get(0).label(),
                    List.of(a.get(ForkedRuns.TURN_ORDER).split(",")));
            for (DriftSetup setup : chosen)
                runs.add(run.run(setup, base + 100 * setup.ordinal(), together));
        }
        else if (Boolean.parseBoolean(a.get("interleave"))) {
            runs.addAll(ForkedRuns.run(TURN_ORDER.stream().filter(chosen::contains).toList(), a));
        }
        else {
            for (DriftSetup setup : chosen)
                runs.addAll(ForkedRuns.run(List.of(setup), a));
        }
        if (!a.get(ForkedRuns.RESULT_FILE).isEmpty()) {
            ForkedRuns.write(runs.get(0), Path.of(a.get(ForkedRuns.RESULT_FILE)));
            System.exit(0);
        }
        if (runs.size() < DriftSetup.values().length) {
            System.out.println("Not all three configurations ran (setups=" + a.get("setups") + "): no comparison");
            runs.forEach(r -> printLatencies(r, workload.phases(), phaseSeconds));
            return;
        }

        DriftComparison comparison = new DriftComparison(workload.phases(), phaseSeconds,
            DriftWorkload.UPDATE_QUANTITY, runs);
        DriftSummary summary = new DriftSummary(comparison);
        System.out.print(summary.text());
        Map<String, Object> figures = summary.figures();
        figures.put("scale", scale);
        figures.put("phase_seconds", phaseSeconds);
        figures.put("readers", readers);
        figures.put("writes_per_second", writesPerSecond);
        figures.put("nodes", nodes);
        System.out.println("written to " + BenchReport.write("drift", figures));
        System.out.println("written to " + new DriftHtmlReport(comparison, summary).write(BenchReport.directory()
            .resolve("drift.html")));
    }

    /** Prints a run's mean latency per dominant template over the second half of each phase: for trials of one setup. */
    private static void printLatencies(ConfigRun run, List<DriftPhase> phases, int phaseSeconds) {
        for (int p = 0; p < phases.size(); p++) {
            int from = p * phaseSeconds + phaseSeconds / 2;
            for (String t : phases.get(p).focus()) {
                System.out.printf(Locale.ROOT, "[%s] phase %d, second half: %s %.3f ms mean%n", run.setup().label(),
                    p + 1, t, run.reads().window(t, from, (p + 1) * phaseSeconds).meanMillis());
            }
        }
    }
}
