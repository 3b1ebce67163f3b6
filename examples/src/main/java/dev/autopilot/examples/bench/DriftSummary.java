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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import dev.autopilot.examples.bench.DriftComparison.PhaseFigures;
import dev.autopilot.examples.bench.DriftComparison.TemplateFigures;

import static dev.autopilot.examples.bench.DriftSetup.AUTOPILOT;
import static dev.autopilot.examples.bench.DriftSetup.HAND_TUNED;
import static dev.autopilot.examples.bench.DriftSetup.STATIC;

/**
 * Turns a {@link DriftComparison} into what a person reads (ratios per phase, the adaptations, the key figures
 * against their targets) and into the flat figures of {@code target/bench/drift.json}.
 */
final class DriftSummary {
    /** Autopilot's throughput on the templates it adapted for, at least this many times static's. */
    static final double THROUGHPUT_TARGET = 10;
    /** Autopilot's latency once adapted, at most this many times hand-tuned's. */
    static final double LATENCY_TARGET = 1.1;
    /** Seconds from a phase start until it is adapted, at most. */
    static final double ADAPT_SECONDS_TARGET = 60;
    /** Writes at most this much slower than static's. */
    static final double WRITE_SLOWDOWN_TARGET = 0.10;

    private final DriftComparison c;

    DriftSummary(DriftComparison c) {
        this.c = c;
    }

    /** @return the printed summary */
    String text() {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < c.phases().size(); p++) {
            PhaseFigures f = c.phases().get(p);
            out.append(String.format(Locale.ROOT, "%nPhase %d: %s (%d s)%n", p + 1, f.phase(), c.phaseSeconds()));
            out.append(String.format(Locale.ROOT, "  reads/s            static %8.1f  hand-tuned %8.1f  autopilot %8.1f"
                + "   autopilot/static %7.3gx  autopilot/hand-tuned %7.3gx%n", f.throughput().get(STATIC),
                f.throughput().get(HAND_TUNED), f.throughput().get(AUTOPILOT), f.throughputRatio(AUTOPILOT, STATIC),
                f.throughputRatio(AUTOPILOT, HAND_TUNED)));
            out.append(String.format(Locale.ROOT, "  dominant mean ms   static %8.2f  hand-tuned %8.2f  autopilot %8.2f"
                + "   (whole phase)%n", f.focusMeanMs().get(STATIC), f.focusMeanMs().get(HAND_TUNED),
                f.focusMeanMs().get(AUTOPILOT)));
            out.append(String.format(Locale.ROOT, "  write mean ms      static %8.2f  hand-tuned %8.2f  autopilot %8.2f"
                + "   (p99 %.1f / %.1f / %.1f)%n", f.writes().get(STATIC).meanMs(), f.writes().get(HAND_TUNED).meanMs(),
                f.writes().get(AUTOPILOT).meanMs(), f.writes().get(STATIC).p99Ms(), f.writes().get(HAND_TUNED).p99Ms(),
                f.writes().get(AUTOPILOT).p99Ms()));
            out.append(String.format(Locale.ROOT, "  structures MB      static %8.1f  hand-tuned %8.1f  autopilot %8.1f"
                + "   (at the phase's end)%n", mb(f.memoryBytes().get(STATIC)), mb(f.memoryBytes().get(HAND_TUNED)),
                mb(f.memoryBytes().get(AUTOPILOT))));
            out.append(String.format(Locale.ROOT, "  JVM GC s           static %8.1f  hand-tuned %8.1f  autopilot %8.1f"
                + "   (nodes, clients and benchmark share one JVM)%n", f.gcSeconds().get(STATIC),
                f.gcSeconds().get(HAND_TUNED), f.gcSeconds().get(AUTOPILOT)));
            for (String t : c.phaseDefinitions().get(p).focus()) {
                Double at = f.inUse().get(t);
                out.append(String.format(Locale.ROOT, "  %-24s autopilot: %s", t, at == null
                    ? "not served by a new structure in this phase"
                    : String.format(Locale.ROOT, "served by %s after %.1f s", c.run(AUTOPILOT).indexUsed()
                        .get(StructureProbe.key(p, t)), at)));
                Double tr = f.adaptedThroughputRatio().get(t);
                Double lr = f.adaptedLatencyRatios().get(t);
                if (tr != null) {
                    out.append(String.format(Locale.ROOT, "; once adapted: throughput vs static %.1fx, latency vs "
                        + "hand-tuned %.2fx", tr, lr));
                }
                out.append('\n');
            }
            out.append("  latency ms per template (p50 / p95 / p99):\n");
            for (String t : f.templates().get(STATIC).keySet()) {
                out.append(String.format(Locale.ROOT, "    %-24s", t));
                for (DriftSetup s : DriftSetup.values()) {
                    TemplateFigures tf = f.templates().get(s).get(t);
                    out.append(String.format(Locale.ROOT, "  %s %.1f / %.1f / %.1f%s", s.label(), tf.p50Ms(),
                        tf.p95Ms(), tf.p99Ms(), tf.errors() > 0 ? " (" + tf.errors() + " errors)" : ""));
                }
                out.append('\n');
            }
        }
        out.append("\nAdaptations Autopilot made (seconds of the run; phases start at 0");
        for (int p = 1; p < c.phases().size(); p++)
            out.append(", ").append(p * c.phaseSeconds());
        out.append("):\n");
        for (AdaptationEvent e : c.run(AUTOPILOT).adaptations()) {
            out.append(String.format(Locale.ROOT, "  requested %6.1f s, cut over %6.1f s, %s %s: %s%n    trigger: %s%n"
                + "    steps seen: %s%n", e.requestedSecond(), e.cutOverSecond(), e.step(), e.outcome(), e.structures(),
                e.trigger(), e.steps()));
        }
        if (c.run(AUTOPILOT).adaptations().isEmpty())
            out.append("  none\n");
        out.append("Profiles the manager generated for LINEITEM (when it found the table slow):\n");
        c.run(AUTOPILOT).profiles().forEach(p -> out.append("  ").append(p).append('\n'));
        out.append('\n');
        out.append(target("throughput_ratio_vs_static", c.throughputRatioVsStatic(),
            c.throughputRatioVsStatic() >= THROUGHPUT_TARGET, ">= 10 (lowest over the adapted dominant templates)"));
        out.append(target("latency_ratio_vs_handtuned", c.latencyRatioVsHandTuned(),
            c.latencyRatioVsHandTuned() <= LATENCY_TARGET, "<= 1.1 (highest over the phases, once adapted)"));
        out.append(target("adapt_seconds_max", c.adaptSecondsMax(), adaptedInTime(),
            "<= 60" + (c.allPhasesAdapted() ? "" : " (some phase was never adapted: counted as the phase length)")));
        out.append(target("write_slowdown_vs_static", c.writeSlowdownVsStatic(),
            c.writeSlowdownVsStatic() <= WRITE_SLOWDOWN_TARGET, "<= 0.10 (mean write latency over the run)"));
        out.append(String.format(Locale.ROOT, "%-28s = %8.3f   (updates alone after the workload: static %.2f ms, "
            + "hand-tuned %.2f ms, autopilot %.2f ms)%n", "write_slowdown_quiet", c.quietWriteSlowdownVsStatic(),
            c.meanQuietWriteMillis(STATIC), c.meanQuietWriteMillis(HAND_TUNED), c.meanQuietWriteMillis(AUTOPILOT)));
        return out.toString();
    }

    /** @return the flat figures of {@code drift.json} */
    Map<String, Object> figures() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("throughput_ratio_vs_static", round(c.throughputRatioVsStatic()));
        out.put("latency_ratio_vs_handtuned", round(c.latencyRatioVsHandTuned()));
        out.put("adapt_seconds_max", round(c.adaptSecondsMax()));
        out.put("write_slowdown_vs_static", round(c.writeSlowdownVsStatic()));
        out.put("write_slowdown_quiet_vs_static", round(c.quietWriteSlowdownVsStatic()));
        out.put("all_phases_adapted", c.allPhasesAdapted());
        out.put("target_throughput_met", c.throughputRatioVsStatic() >= THROUGHPUT_TARGET);
        out.put("target_latency_met", c.latencyRatioVsHandTuned() <= LATENCY_TARGET);
        out.put("target_adapt_seconds_met", adaptedInTime());
        out.put("target_write_slowdown_met", c.writeSlowdownVsStatic() <= WRITE_SLOWDOWN_TARGET);
        for (DriftSetup s : DriftSetup.values()) {
            out.put("write_mean_ms_" + key(s), round(c.meanWriteMillis(s)));
            out.put("write_quiet_mean_ms_" + key(s), round(c.meanQuietWriteMillis(s)));
        }
        out.put("adaptations", c.run(AUTOPILOT).adaptations().size());
        out.put("handtuned_structures_created_seconds", round(c.run(HAND_TUNED).setupSeconds()));
        for (int p = 0; p < c.phases().size(); p++) {
            PhaseFigures f = c.phases().get(p);
            String ph = "phase" + (p + 1) + '_';
            for (DriftSetup s : DriftSetup.values())
                out.put(ph + "reads_per_second_" + key(s), round(f.throughput().get(s)));
            out.put(ph + "throughput_ratio_vs_static", round(f.throughputRatio(AUTOPILOT, STATIC)));
            out.put(ph + "throughput_ratio_vs_handtuned", round(f.throughputRatio(AUTOPILOT, HAND_TUNED)));
            out.put(ph + "adapt_seconds", round(f.adaptSeconds()));
            out.put(ph + "adapted_latency_ratio_vs_handtuned", round(f.adaptedLatencyRatio()));
            f.adaptedThroughputRatio().forEach((t, r) -> out.put(ph + t + "_adapted_throughput_ratio_vs_static",
                round(r)));
            for (DriftSetup s : DriftSetup.values()) {
                out.put(ph + "structures_bytes_" + key(s), f.memoryBytes().get(s));
                out.put(ph + "gc_seconds_" + key(s), round(f.gcSeconds().get(s)));
                out.put(ph + "write_mean_ms_" + key(s), round(f.writes().get(s).meanMs()));
                out.put(ph + "write_p99_ms_" + key(s), round(f.writes().get(s).p99Ms()));
                for (TemplateFigures t : f.templates().get(s).values()) {
                    String k = ph + t.template() + '_' + key(s) + '_';
                    out.put(k + "p50_ms", round(t.p50Ms()));
                    out.put(k + "p95_ms", round(t.p95Ms()));
                    out.put(k + "p99_ms", round(t.p99Ms()));
                }
            }
        }
        return out;
    }

    private boolean adaptedInTime() {
        return c.allPhasesAdapted() && c.adaptSecondsMax() <= ADAPT_SECONDS_TARGET;
    }

    private static String target(String name, double value, boolean met, String target) {
        return String.format(Locale.ROOT, "%-28s = %8.3f   target %s: %s%n", name, value, target,
            met ? "met" : "NOT met");
    }

    static String key(DriftSetup s) {
        return s.name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }
}
