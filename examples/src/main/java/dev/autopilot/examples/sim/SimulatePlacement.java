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

package dev.autopilot.examples.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.autopilot.examples.BenchReport;

/**
 * Compares static Rendezvous, a reactive balancer and the predictive balancer on partition loads replayed from the
 * real traces, and writes {@code target/bench/placement.json} under the repository root.
 *
 * <p>Run from the repository root: {@code mvn -B -ntp -q -pl examples exec:java
 * -Dexec.mainClass=dev.autopilot.examples.sim.SimulatePlacement -Dexec.args="nodes=100 traces=<folder>"}; other
 * settings are {@code key=value} arguments too (see {@link SimulationSettings#parse}).
 */
public final class SimulatePlacement {
    private SimulatePlacement() {
    }

    public static void main(String[] args) throws IOException {
        SimulationSettings s = SimulationSettings.parse(args);
        PrintStream out = System.out;
        Path cwd = Path.of("").toAbsolutePath();
        Path root = BenchReport.repositoryRoot(cwd);
        long start = System.nanoTime();
        PartitionLoads loads = PartitionLoads.build(folder(s.traces(), cwd, root), s);
        GroupForecasts forecasts = new GroupForecasts(loads, s);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Simulator sim = new Simulator(loads, s);
        out.println("Settings: " + s);
        out.printf(Locale.ROOT, "Groups: %d (traces x %d starting days); node capacity %.1f; forecasters trained in %.1f s%n",
            loads.groupCount(), s.phasesPerTrace(), sim.capacity(), trainSeconds);

        List<PolicyResult> results = List.of(
            sim.run(new StaticPolicy()),
            sim.run(new ReactivePolicy(loads, s)),
            sim.run(new PredictivePolicy(loads, forecasts, s)));
        double seconds = (System.nanoTime() - start) / 1e9;
        print(out, results);
        PolicyResult stat = results.get(0);
        PolicyResult reactive = results.get(1);
        PolicyResult predictive = results.get(2);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("violations_vs_reactive", ratio(predictive.violatingWindows(), reactive.violatingWindows()));
        json.put("violations_vs_static", ratio(predictive.violatingWindows(), stat.violatingWindows()));
        json.put("node_hours_vs_static_peak", ratio(predictive.nodeHours(), stat.nodeHours()));
        json.put("nodes", s.nodes());
        json.put("partitions", s.partitions());
        json.put("windows", s.windows());
        for (PolicyResult r : results) {
            String k = r.policy().replace('-', '_');
            json.put(k + "_violating_windows", r.violatingWindows());
            json.put(k + "_overloaded_node_windows", r.overloadedNodeWindows());
            json.put(k + "_copies", r.copies());
            json.put(k + "_promotions", r.promotions());
            json.put(k + "_node_hours", round(r.nodeHours()));
            json.put(k + "_peak_nodes", r.peakNodes());
            for (Map.Entry<ViolationCauses.Cause, Integer> c : r.causes().entrySet())
                json.put(k + "_violating_windows_" + c.getKey().name().toLowerCase(Locale.ROOT), c.getValue());
        }
        json.put("seconds", round(seconds));
        Path file = BenchReport.write("placement", json);
        out.printf(Locale.ROOT, "predictive vs reactive: violating windows x%s; vs static: x%s; node-hours vs static peak: x%s (%.1f s)%n",
            json.get("violations_vs_reactive"), json.get("violations_vs_static"), json.get("node_hours_vs_static_peak"), seconds);
        out.println("Wrote " + file);
    }

    private static void print(PrintStream out, List<PolicyResult> results) {
        out.printf(Locale.ROOT, "%-18s %10s %14s %9s %11s %11s %10s%n", "policy", "violating", "overloaded", "copies",
            "promotions", "node-hours", "peak nodes");
        out.printf(Locale.ROOT, "%-18s %10s %14s %9s %11s %11s %10s%n", "", "windows", "node-windows", "", "", "", "");
        for (PolicyResult r : results) {
            out.printf(Locale.ROOT, "%-18s %10d %14d %9d %11d %11.1f %10d%n", r.policy(), r.violatingWindows(),
                r.overloadedNodeWindows(), r.copies(), r.promotions(), r.nodeHours(), r.peakNodes());
        }
        out.println("Violating windows by cause:");
        for (PolicyResult r : results)
            out.printf(Locale.ROOT, "%-18s %s%n", r.policy(), r.causes());
    }

    /** {@code a / b} rounded, or null when {@code b} is 0 (no ratio exists). */
    private static Double ratio(double a, double b) {
        return b == 0 ? null : round(a / b);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** {@code arg} resolved against the working directory, else the repository root or the nearest of its parents. */
    private static Path folder(String arg, Path cwd, Path root) {
        if (Files.isDirectory(cwd.resolve(arg)))
            return cwd.resolve(arg).normalize();
        for (Path d = root; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(arg)))
                return d.resolve(arg).normalize();
        }
        throw new IllegalArgumentException("traces folder not found: " + arg + " (tried from " + cwd + ", " + root
            + " and its parents)");
    }
}
