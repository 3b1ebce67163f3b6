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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import dev.autopilot.examples.bench.DriftComparison.PhaseFigures;
import dev.autopilot.examples.bench.DriftComparison.TemplateFigures;
import dev.autopilot.examples.bench.DriftRecorder.Window;

import static dev.autopilot.examples.bench.DriftSetup.AUTOPILOT;
import static dev.autopilot.examples.bench.DriftSetup.HAND_TUNED;
import static dev.autopilot.examples.bench.DriftSetup.STATIC;

/**
 * The drift benchmark's report as one self-contained HTML file: Chart.js and its annotation plugin (WebJars on the
 * class path, versions pinned in the parent pom) are inlined into the page with the run's data, so that it opens
 * anywhere without a network. Plots latency, throughput and write latency over time with the phase starts and
 * Autopilot's cut-overs marked, and the structures' memory; tables hold the per-phase figures, the latency
 * percentiles and the adaptations.
 */
final class DriftHtmlReport {
    /** Seconds per point of the time plots. */
    static final int BUCKET_SECONDS = 3;

    private final DriftComparison c;
    private final DriftSummary summary;

    DriftHtmlReport(DriftComparison c, DriftSummary summary) {
        this.c = c;
        this.summary = summary;
    }

    /** @return {@code file}, written */
    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, html());
        return file;
    }

    /** @return the whole page */
    String html() {
        Properties libs = new Properties();
        try (InputStream in = resource("webjars.properties")) {
            libs.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text(resource("drift-report.html"))
            .replace("/*HEADER*/", header())
            .replace("/*BUCKET*/", String.valueOf(BUCKET_SECONDS))
            .replace("/*TABLES*/", tables())
            .replace("/*DATA*/", data())
            .replace("/*CHART_JS*/", script(libs.getProperty("chartjs")))
            .replace("/*ANNOTATION_JS*/", script(libs.getProperty("annotation")));
    }

    private String header() {
        StringBuilder out = new StringBuilder("<table><tr><th class=\"l\">key figure</th><th>value</th>"
            + "<th class=\"l\">target</th><th class=\"l\"></th></tr>");
        row(out, "throughput_ratio_vs_static", c.throughputRatioVsStatic(),
            c.throughputRatioVsStatic() >= DriftSummary.THROUGHPUT_TARGET, "&ge; 10 on the templates it adapted for");
        row(out, "latency_ratio_vs_handtuned", c.latencyRatioVsHandTuned(),
            c.latencyRatioVsHandTuned() <= DriftSummary.LATENCY_TARGET, "&le; 1.1 once adapted");
        row(out, "adapt_seconds_max", c.adaptSecondsMax(), c.allPhasesAdapted()
            && c.adaptSecondsMax() <= DriftSummary.ADAPT_SECONDS_TARGET, "&le; 60 s from each phase start");
        row(out, "write_slowdown_vs_static", c.writeSlowdownVsStatic(),
            c.writeSlowdownVsStatic() <= DriftSummary.WRITE_SLOWDOWN_TARGET, "&le; 0.10");
        out.append(String.format(Locale.ROOT, "<tr><td class=\"l\">write_slowdown_quiet_vs_static</td><td>%.3f</td>"
            + "<td class=\"l\" colspan=\"2\">the updates alone after the workload, without the reads' load</td></tr>",
            c.quietWriteSlowdownVsStatic()));
        return out.append("</table>").toString();
    }

    private static void row(StringBuilder out, String name, double value, boolean met, String target) {
        out.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%.3f</td><td class=\"l\">%s</td>"
            + "<td class=\"l %s\">%s</td></tr>", name, value, target, met ? "met" : "miss", met ? "met" : "not met"));
    }

    private String tables() {
        StringBuilder out = new StringBuilder("<h2>Per phase</h2><table><tr><th class=\"l\">phase</th>"
            + "<th>reads/s static</th><th>hand-tuned</th><th>autopilot</th><th>autopilot / static</th>"
            + "<th>autopilot / hand-tuned</th><th>adapted after s</th><th>latency / hand-tuned once adapted</th>"
            + "<th>write ms static</th><th>hand-tuned</th><th>autopilot</th><th>structures MB hand-tuned</th>"
            + "<th>autopilot</th></tr>");
        for (PhaseFigures f : c.phases()) {
            out.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                    + "<td>%.3g</td><td>%.3g</td><td>%s</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
                    + "<td>%.1f</td><td>%.1f</td></tr>", esc(f.phase()), f.throughput().get(STATIC),
                f.throughput().get(HAND_TUNED), f.throughput().get(AUTOPILOT), f.throughputRatio(AUTOPILOT, STATIC),
                f.throughputRatio(AUTOPILOT, HAND_TUNED), Double.isFinite(f.adaptSeconds())
                    ? String.format(Locale.ROOT, "%.1f", f.adaptSeconds()) : "not adapted",
                f.adaptedLatencyRatio(), f.writes().get(STATIC).meanMs(), f.writes().get(HAND_TUNED).meanMs(),
                f.writes().get(AUTOPILOT).meanMs(), f.memoryBytes().get(HAND_TUNED) / 1048576.0,
                f.memoryBytes().get(AUTOPILOT) / 1048576.0));
        }
        out.append("</table><h2>Latency per template (ms, p50 / p95 / p99)</h2><table><tr><th class=\"l\">phase</th>"
            + "<th class=\"l\">template</th>");
        for (DriftSetup s : DriftSetup.values())
            out.append("<th>").append(s.label()).append("</th>");
        out.append("<th class=\"l\">Autopilot served it by</th></tr>");
        for (int p = 0; p < c.phases().size(); p++) {
            PhaseFigures f = c.phases().get(p);
            for (String t : f.templates().get(STATIC).keySet()) {
                out.append("<tr><td class=\"l\">").append(esc(f.phase())).append("</td><td class=\"l\">")
                    .append(esc(t)).append("</td>");
                for (DriftSetup s : DriftSetup.values()) {
                    TemplateFigures tf = f.templates().get(s).get(t);
                    out.append(String.format(Locale.ROOT, "<td>%.1f / %.1f / %.1f</td>", tf.p50Ms(), tf.p95Ms(),
                        tf.p99Ms()));
                }
                String index = c.run(AUTOPILOT).indexUsed().get(StructureProbe.key(p, t));
                Double at = f.inUse().get(t);
                out.append("<td class=\"l\">").append(index == null ? "" : esc(index) + String.format(Locale.ROOT,
                    " after %.1f s", at)).append("</td></tr>");
            }
        }
        out.append("</table><h2>Adaptations Autopilot made</h2><table><tr><th>#</th><th>requested at s</th>"
            + "<th>cut over at s</th><th class=\"l\">step</th><th class=\"l\">outcome</th>"
            + "<th class=\"l\">structures</th><th class=\"l\">trigger</th><th class=\"l\">steps seen (s of the run)</th>"
            + "</tr>");
        int i = 1;
        for (AdaptationEvent e : c.run(AUTOPILOT).adaptations()) {
            out.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.1f</td><td>%s</td><td class=\"l\">%s</td>"
                    + "<td class=\"l\">%s</td><td class=\"l\">%s</td><td class=\"l\">%s</td><td class=\"l\">%s</td>"
                    + "</tr>", i++,
                e.requestedSecond(), Double.isNaN(e.cutOverSecond()) ? "never"
                    : String.format(Locale.ROOT, "%.1f", e.cutOverSecond()), esc(e.step()), esc(e.outcome()),
                esc(e.structures()), esc(e.trigger()), esc(e.steps())));
        }
        out.append("</table><h2>Printed summary</h2><pre>").append(esc(summary.text())).append("</pre>");
        return out.toString();
    }

    /** @return the plotted data as a JavaScript object literal */
    private String data() {
        List<String> configs = new ArrayList<>();
        for (DriftSetup s : DriftSetup.values()) {
            ConfigRun r = c.run(s);
            configs.add("{\"label\": " + str(s.label()) + ", \"latency\": " + series(r, true)
                + ", \"throughput\": " + series(r, false) + ", \"writes\": " + writes(r) + ", \"memory\": "
                + r.memory().stream().map(m -> point(m.second(), m.totalBytes() / 1048576.0))
                    .collect(Collectors.joining(", ", "[", "]")) + '}');
        }
        String adaptations = c.run(AUTOPILOT).adaptations().stream()
            .map(e -> "{\"requested\": " + num(e.requestedSecond()) + ", \"cutOver\": " + num(e.cutOverSecond()) + '}')
            .collect(Collectors.joining(", ", "[", "]"));
        String phases = c.phases().stream().map(f -> str(f.phase())).collect(Collectors.joining(", ", "[", "]"));
        return "{\"phaseSeconds\": " + c.phaseSeconds() + ", \"phases\": " + phases + ", \"adaptations\": "
            + adaptations + ", \"configs\": [" + String.join(", ", configs) + "]}";
    }

    /** @return per bucket, the dominant templates' mean latency or all reads per second */
    private String series(ConfigRun r, boolean latency) {
        List<String> points = new ArrayList<>();
        for (int from = 0; from < c.phaseSeconds() * c.phases().size(); from += BUCKET_SECONDS) {
            int phase = Math.min(from / c.phaseSeconds(), c.phases().size() - 1);
            int to = Math.min(from + BUCKET_SECONDS, (phase + 1) * c.phaseSeconds());
            DriftPhase p = c.phaseDefinitions().get(phase);
            Window w = new Window(to - from, 0, 0, 0);
            for (var t : latency ? p.focus() : p.mix().keySet().stream().map(q -> q.name()).toList())
                w = w.plus(r.reads().window(t, from, to));
            points.add(point(from, latency ? w.meanMillis() : r.readsPerSecond(w.executions(), from, to)));
        }
        return String.join(", ", points).transform(s -> '[' + s + ']');
    }

    private String writes(ConfigRun r) {
        List<String> points = new ArrayList<>();
        for (int from = 0; from < c.phaseSeconds() * c.phases().size(); from += BUCKET_SECONDS)
            points.add(point(from, r.writes().window(DriftWorkload.UPDATE_QUANTITY, from, from + BUCKET_SECONDS)
                .meanMillis()));
        return String.join(", ", points).transform(s -> '[' + s + ']');
    }

    private static String point(double x, double y) {
        return '[' + num(x) + ", " + num(y) + ']';
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null";
    }

    private static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + '"';
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** @return the library at {@code path} on the class path, safe inside a script element */
    private static String script(String path) {
        try (InputStream in = DriftHtmlReport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null)
                throw new IllegalStateException("Not on the class path: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DriftHtmlReport.class.getResourceAsStream(name);
        if (in == null)
            throw new IllegalStateException("Not on the class path: " + name + " beside " + DriftHtmlReport.class);
        return in;
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
