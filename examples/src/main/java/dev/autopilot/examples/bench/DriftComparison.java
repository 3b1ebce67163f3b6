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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.examples.bench.DriftRecorder.Window;
import dev.autopilot.examples.bench.StructureProbe.MemorySample;
import dev.autopilot.examples.workload.LatencyHistogram;
import dev.autopilot.examples.workload.QueryTemplate;

/**
 * The figures of the drift benchmark, computed from the three runs: per phase and configuration the throughput,
 * latency percentiles per template, write latency and structure memory; for Autopilot the time until each phase's
 * dominant templates were served by new structures; and the ratios between the configurations.
 *
 * <p>"Once adapted" compares the seconds of a phase after Autopilot's structures were in use for a dominant template
 * (from the next whole second on) with the same seconds of the phase in the other runs, template by template, so that
 * Autopilot is judged on the templates it adapted for, after it adapted.
 */
final class DriftComparison {
    /** A stretch shorter than this after adapting is too short to compare. */
    static final int MIN_STRETCH_SECONDS = 5;

    private final List<DriftPhase> phases;
    private final int phaseSeconds;
    private final String writeTemplate;
    private final Map<DriftSetup, ConfigRun> runs = new EnumMap<>(DriftSetup.class);
    private final List<PhaseFigures> figures = new ArrayList<>();

    /**
     * @param phases the phases that ran
     * @param phaseSeconds their length
     * @param writeTemplate name of the update
     * @param runs one run of each configuration
     */
    DriftComparison(List<DriftPhase> phases, int phaseSeconds, String writeTemplate, List<ConfigRun> runs) {
        this.phases = List.copyOf(phases);
        this.phaseSeconds = phaseSeconds;
        this.writeTemplate = writeTemplate;
        runs.forEach(r -> this.runs.put(r.setup(), r));
        for (DriftSetup s : DriftSetup.values()) {
            if (!this.runs.containsKey(s))
                throw new IllegalArgumentException("no run of " + s.label());
        }
        for (int p = 0; p < phases.size(); p++)
            figures.add(phase(p));
    }

    List<PhaseFigures> phases() {
        return figures;
    }

    List<DriftPhase> phaseDefinitions() {
        return phases;
    }

    int phaseSeconds() {
        return phaseSeconds;
    }

    ConfigRun run(DriftSetup setup) {
        return runs.get(setup);
    }

    /** @return the lowest Autopilot/static throughput ratio of a dominant template once adapted, NaN if none */
    double throughputRatioVsStatic() {
        return figures.stream().flatMap(f -> f.adaptedThroughputRatio().values().stream())
            .mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** @return the highest Autopilot/hand-tuned latency ratio of a phase's adapted templates once adapted */
    double latencyRatioVsHandTuned() {
        return figures.stream().mapToDouble(PhaseFigures::adaptedLatencyRatio).filter(Double::isFinite).max()
            .orElse(Double.NaN);
    }

    /** @return whether Autopilot served every phase's dominant templates with new structures */
    boolean allPhasesAdapted() {
        return figures.stream().allMatch(f -> Double.isFinite(f.adaptSeconds()));
    }

    /** @return the longest time from a phase start until its dominant templates were all served (phase length if never) */
    double adaptSecondsMax() {
        return figures.stream().mapToDouble(f -> Double.isFinite(f.adaptSeconds()) ? f.adaptSeconds() : phaseSeconds)
            .max().orElse(Double.NaN);
    }

    /** @return Autopilot's mean write latency over the whole run, relative to static's, minus one */
    double writeSlowdownVsStatic() {
        return meanWriteMillis(DriftSetup.AUTOPILOT) / meanWriteMillis(DriftSetup.STATIC) - 1;
    }

    /** @return Autopilot's mean latency of the updates run alone after the workload, relative to static's, minus one */
    double quietWriteSlowdownVsStatic() {
        return meanQuietWriteMillis(DriftSetup.AUTOPILOT) / meanQuietWriteMillis(DriftSetup.STATIC) - 1;
    }

    /** @return the mean latency of the updates run alone after the workload */
    double meanQuietWriteMillis(DriftSetup setup) {
        DriftRecorder quiet = runs.get(setup).quietWrites();
        return quiet.window(writeTemplate, 0, quiet.seconds()).meanMillis();
    }

    /** @return the mean latency of the updates over the whole run */
    double meanWriteMillis(DriftSetup setup) {
        return runs.get(setup).writes().window(writeTemplate, 0, phaseSeconds * phases.size()).meanMillis();
    }

    private PhaseFigures phase(int p) {
        DriftPhase phase = phases.get(p);
        int from = p * phaseSeconds;
        int to = from + phaseSeconds;
        Map<DriftSetup, Double> throughput = new EnumMap<>(DriftSetup.class);
        Map<DriftSetup, Double> focusMean = new EnumMap<>(DriftSetup.class);
        Map<DriftSetup, Map<String, TemplateFigures>> templates = new EnumMap<>(DriftSetup.class);
        Map<DriftSetup, TemplateFigures> writes = new EnumMap<>(DriftSetup.class);
        Map<DriftSetup, Long> memory = new EnumMap<>(DriftSetup.class);
        Map<DriftSetup, Double> gcSeconds = new EnumMap<>(DriftSetup.class);
        for (ConfigRun r : runs.values()) {
            Map<String, TemplateFigures> byTemplate = new LinkedHashMap<>();
            long executions = 0;
            for (QueryTemplate t : phase.mix().keySet()) {
                TemplateFigures f = TemplateFigures.of(t.name(), r.reads().window(t.name(), from, to),
                    r.reads().histogram(t.name(), p));
                byTemplate.put(t.name(), f);
                executions += f.executions();
            }
            throughput.put(r.setup(), r.readsPerSecond(executions, from, to));
            focusMean.put(r.setup(), focus(r, phase.focus(), from, to).meanMillis());
            templates.put(r.setup(), byTemplate);
            writes.put(r.setup(), TemplateFigures.of(writeTemplate, r.writes().window(writeTemplate, from, to),
                r.writes().histogram(writeTemplate, p)));
            MemorySample end = r.memoryAt(to);
            memory.put(r.setup(), end.totalBytes());
            gcSeconds.put(r.setup(), (end.gcMillis() - r.memoryAt(from).gcMillis()) / 1e3);
        }

        ConfigRun auto = runs.get(DriftSetup.AUTOPILOT);
        Map<String, Double> inUse = new LinkedHashMap<>();
        Map<String, Double> throughputRatio = new LinkedHashMap<>();
        Map<String, Double> latencyRatio = new LinkedHashMap<>();
        Window autoAdapted = new Window(0, 0, 0, 0);
        Window handAdapted = new Window(0, 0, 0, 0);
        for (String t : phase.focus()) {
            Double at = auto.inUse(p, t);
            if (at == null)
                continue;
            inUse.put(t, at);
            int start = from + (int)Math.ceil(at);
            if (to - start < MIN_STRETCH_SECONDS)
                continue;
            ConfigRun plain = runs.get(DriftSetup.STATIC);
            Window a = auto.reads().window(t, start, to);
            Window s = plain.reads().window(t, start, to);
            Window h = runs.get(DriftSetup.HAND_TUNED).reads().window(t, start, to);
            throughputRatio.put(t, s.executions() == 0 ? Double.NaN
                : auto.readsPerSecond(a.executions(), start, to) / plain.readsPerSecond(s.executions(), start, to));
            latencyRatio.put(t, a.meanMillis() / h.meanMillis());
            autoAdapted = autoAdapted.plus(a);
            handAdapted = handAdapted.plus(h);
        }
        double adaptSeconds = inUse.size() == phase.focus().size()
            ? inUse.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN) : Double.NaN;
        return new PhaseFigures(phase.name(), throughput, focusMean, templates, writes, memory, gcSeconds, inUse,
            adaptSeconds, throughputRatio, latencyRatio, autoAdapted.meanMillis() / handAdapted.meanMillis());
    }

    private static Window focus(ConfigRun r, List<String> focus, int from, int to) {
        Window w = new Window(to - from, 0, 0, 0);
        for (String t : focus)
            w = w.plus(r.reads().window(t, from, to));
        return w;
    }

    /**
     * One template in one phase of one configuration.
     *
     * @param template template name
     * @param executions successful executions
     * @param errors failed executions
     * @param meanMs mean latency
     * @param p50Ms median latency
     * @param p95Ms 95th percentile latency
     * @param p99Ms 99th percentile latency
     */
    record TemplateFigures(String template, long executions, long errors, double meanMs, double p50Ms, double p95Ms,
        double p99Ms) {
        static TemplateFigures of(String template, Window w, LatencyHistogram h) {
            return new TemplateFigures(template, w.executions(), w.errors(), w.meanMillis(),
                h.percentileMicros(0.50) / 1e3, h.percentileMicros(0.95) / 1e3, h.percentileMicros(0.99) / 1e3);
        }
    }

    /**
     * One phase, all configurations.
     *
     * @param phase phase name
     * @param throughput read executions per second over the phase
     * @param focusMeanMs mean latency of the dominant templates over the phase
     * @param templates per template figures
     * @param writes the updates' figures
     * @param memoryBytes memory of the structures at the phase's end
     * @param gcSeconds the JVM's garbage-collection time during the phase
     * @param inUse Autopilot: seconds from the phase start until each dominant template was served by new structures
     * @param adaptSeconds Autopilot: until all of them were, {@code NaN} if not all were
     * @param adaptedThroughputRatio Autopilot/static executions per adapted template, once adapted
     * @param adaptedLatencyRatios Autopilot/hand-tuned mean latency per adapted template, once adapted
     * @param adaptedLatencyRatio Autopilot/hand-tuned mean latency of all adapted templates together, once adapted
     */
    record PhaseFigures(String phase, Map<DriftSetup, Double> throughput, Map<DriftSetup, Double> focusMeanMs,
        Map<DriftSetup, Map<String, TemplateFigures>> templates, Map<DriftSetup, TemplateFigures> writes,
        Map<DriftSetup, Long> memoryBytes, Map<DriftSetup, Double> gcSeconds, Map<String, Double> inUse,
        double adaptSeconds, Map<String, Double> adaptedThroughputRatio, Map<String, Double> adaptedLatencyRatios,
        double adaptedLatencyRatio) {
        /** @return throughput of {@code a} over that of {@code b} */
        double throughputRatio(DriftSetup a, DriftSetup b) {
            return throughput.get(a) / throughput.get(b);
        }
    }
}
