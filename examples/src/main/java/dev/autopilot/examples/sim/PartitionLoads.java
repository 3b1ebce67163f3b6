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
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import dev.autopilot.forecast.series.CleaningReport;
import dev.autopilot.forecast.series.CsvTraceReader;
import dev.autopilot.forecast.series.SeriesCleaner;
import dev.autopilot.forecast.series.TimeSeries;

/**
 * The per-partition load the simulation replays, built from real traces: each trace, replayed from a few starting
 * days, is a partition group's load shape (normalised to a mean of 1 over the training windows); a partition's load
 * is its group's shape times the partition's own size, drawn log-normal so that some partitions are much hotter than
 * others. Traces shorter than training plus replay are replayed cyclically.
 */
final class PartitionLoads {
    private final List<TimeSeries> groups = new ArrayList<>();
    private final int[] groupOf;
    private final double[] size;
    private final int offset;

    private PartitionLoads(int partitions, int offset) {
        this.groupOf = new int[partitions];
        this.size = new double[partitions];
        this.offset = offset;
    }

    static PartitionLoads build(Path tracesFolder, SimulationSettings s) throws IOException {
        PartitionLoads loads = new PartitionLoads(s.partitions(), s.trainWindows());
        int length = s.trainWindows() + s.windows();
        List<Path> csvs;
        try (Stream<Path> files = Files.list(tracesFolder)) {
            csvs = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        if (csvs.isEmpty())
            throw new IllegalArgumentException("no .csv traces in " + tracesFolder);
        for (Path csv : csvs) {
            TimeSeries trace = read(csv);
            long day = 86_400_000L / trace.stepMillis();
            for (int k = 0; k < s.phasesPerTrace(); k++) {
                loads.groups.add(replay(trace, (int)(k * day), length, s.trainWindows()));
            }
        }
        Random rnd = new Random(s.seed());
        for (int p = 0; p < s.partitions(); p++) {
            loads.groupOf[p] = p % loads.groups.size();
            loads.size[p] = Math.exp(s.skew() * rnd.nextGaussian() - s.skew() * s.skew() / 2);
        }
        return loads;
    }

    private static TimeSeries read(Path csv) throws IOException {
        CleaningReport report = new CleaningReport();
        try (Reader in = Files.newBufferedReader(csv)) {
            return SeriesCleaner.clean(CsvTraceReader.read(in, report), 0, report).series();
        }
    }

    /** {@code length} windows of {@code trace} from window {@code shift}, cyclically, scaled to a training mean of 1. */
    private static TimeSeries replay(TimeSeries trace, int shift, int length, int trainWindows) {
        double[] v = new double[length];
        boolean[] observed = new boolean[length];
        double sum = 0;
        for (int i = 0; i < length; i++) {
            int j = (shift + i) % trace.size();
            v[i] = trace.value(j);
            observed[i] = trace.observed(j);
            if (i < trainWindows)
                sum += v[i];
        }
        double mean = Math.max(sum / trainWindows, 1e-9);
        for (int i = 0; i < length; i++)
            v[i] /= mean;
        return new TimeSeries(trace.timeOf(shift % trace.size()), trace.stepMillis(), v, observed);
    }

    int partitions() {
        return groupOf.length;
    }

    int groupCount() {
        return groups.size();
    }

    /** The whole series of group {@code g}: training windows, then the replayed ones. */
    TimeSeries group(int g) {
        return groups.get(g);
    }

    int groupOf(int p) {
        return groupOf[p];
    }

    double size(int p) {
        return size[p];
    }

    /** Index in the group series of replayed window {@code t}. */
    int seriesIndex(int t) {
        return offset + t;
    }

    /** Actual load of partition {@code p} in replayed window {@code t}. */
    double load(int p, int t) {
        return size[p] * groups.get(groupOf[p]).value(offset + t);
    }

    /** Actual loads of all partitions in replayed window {@code t} ({@code t} may be negative: training windows). */
    double[] loads(int t) {
        double[] out = new double[groupOf.length];
        for (int p = 0; p < out.length; p++)
            out[p] = load(p, t);
        return out;
    }
}
