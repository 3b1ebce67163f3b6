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

package dev.autopilot.examples.forecast;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.autopilot.examples.BenchReport;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import dev.autopilot.forecast.series.CleanSeries;
import dev.autopilot.forecast.series.CleaningReport;
import dev.autopilot.forecast.series.CsvTraceReader;
import dev.autopilot.forecast.series.RawPoint;
import dev.autopilot.forecast.series.SeriesCleaner;

/**
 * The forecast evaluation: trains on the first 70% of each CSV trace in a folder, scores rolling origins on the rest,
 * two traces at a time, prints per trace, model and horizon MASE, sMAPE, interval coverage and spike lead time, and writes the totals to
 * {@code target/bench/forecast.json} under the repository root.
 *
 * <p>Run from the repository root, after {@code mvn -B -ntp -q install -DskipTests}: {@code mvn -B -ntp -q -pl examples
 * exec:java -Dexec.mainClass=dev.autopilot.examples.forecast.EvaluateForecasts -Dexec.args="../shared/data/load-traces"}.
 * Arguments: {@code [traces-folder] [origin-stride]}; the folder defaults to {@code ../shared/data/load-traces},
 * resolved against the working directory, then against the repository root.
 */
public final class EvaluateForecasts {
    private static final String DEFAULT_TRACES = "../shared/data/load-traces";
    private static final double TRAIN_SHARE = 0.7;
    private static final double SPIKE_QUANTILE = 0.99;

    private EvaluateForecasts() {
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Path cwd = Path.of("").toAbsolutePath();
        Path root = BenchReport.repositoryRoot(cwd);
        Path traces = tracesFolder(args.length > 0 ? args[0] : DEFAULT_TRACES, cwd, root);
        int stride = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        ForecastSettings settings = ForecastSettings.builder().build();
        PrintStream out = System.out;
        out.printf("Forecast evaluation: traces in %s, train on first %.0f%%, horizons 1..%d, %.0f%% intervals, %s%n",
            traces, TRAIN_SHARE * 100, settings.horizon(), settings.coverage() * 100, stride == 1 ? "every test origin" : "every " + stride + "th test origin (subsampled)");
        TraceEvaluator evaluator = new TraceEvaluator(settings, new LocalTrainingBackend(1), TRAIN_SHARE, stride, SPIKE_QUANTILE);
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<TraceResult> results = new ArrayList<>();
        try {
            List<Future<Outcome>> pending = new ArrayList<>();
            for (Path csv : csvFiles(traces))
                pending.add(pool.submit(() -> evaluate(evaluator, csv, settings.horizon())));
            for (Future<Outcome> f : pending) {
                Outcome o = f.get();
                if (o.result() == null)
                    out.printf("%n== %s: skipped, %s%n", o.trace(), o.skipped());
                else {
                    results.add(o.result());
                    new ResultPrinter(out).print(o.result());
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        }
        finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> figures = ForecastFigures.of(results, settings.coverage(), seconds);
        Path file = BenchReport.write("forecast", figures);
        out.println();
        out.printf(Locale.ROOT, "Over %d traces, horizons 1..%d: mase_vs_seasonal_naive=%.3f improvement_vs_holt_winters=%.3f "
                + "interval_coverage=%.3f (nominal %.2f) in %.0f s%n", results.size(), settings.horizon(),
            figures.getOrDefault("mase_vs_seasonal_naive", Double.NaN), figures.getOrDefault("improvement_vs_holt_winters", Double.NaN),
            figures.getOrDefault("interval_coverage", Double.NaN), settings.coverage(), seconds);
        out.println("Wrote " + file);
    }

    private static Outcome evaluate(TraceEvaluator evaluator, Path csv, int horizon) throws IOException {
        CleaningReport report = new CleaningReport();
        List<RawPoint> points;
        try (Reader in = Files.newBufferedReader(csv)) {
            points = CsvTraceReader.read(in, report);
        }
        CleanSeries clean = SeriesCleaner.clean(points, 0, report);
        String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        int minWindows = 4 * horizon;
        if (clean.series().size() < minWindows)
            return new Outcome(name, null, "only " + clean.series().size() + " windows after cleaning, " + minWindows
                + " needed to train and score (" + report + ")");
        return new Outcome(name, evaluator.evaluate(name, clean.series(), report.issues()), null);
    }

    /** A trace's result, or why it was skipped. */
    private record Outcome(String trace, TraceResult result, String skipped) {
    }

    private static Path tracesFolder(String arg, Path cwd, Path root) {
        Path p = cwd.resolve(arg).normalize();
        if (Files.isDirectory(p))
            return p;
        Path fromRoot = root.resolve(arg).normalize();
        if (Files.isDirectory(fromRoot))
            return fromRoot;
        throw new IllegalArgumentException("traces folder not found: " + p + " nor " + fromRoot);
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }
}
