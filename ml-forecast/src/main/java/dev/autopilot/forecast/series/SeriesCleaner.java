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

package dev.autopilot.forecast.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns raw readings into a {@link TimeSeries} on a regular grid, repairing what real feeds get wrong.
 *
 * <p>NaN, infinite and negative readings are dropped (a load count cannot be negative, so such a reading is a fault
 * of the feed, not a value); unordered readings are sorted; readings that fall into the same window (duplicates,
 * jitter) are averaged; empty windows are filled by linear interpolation and flagged as not observed. Every repair
 * is written to the {@link CleaningReport}.
 */
public final class SeriesCleaner {
    private SeriesCleaner() {
    }

    /**
     * @param points Readings in any order.
     * @param stepMillis Window length, or 0 to take the median spacing of the readings.
     * @return The regular series (empty if fewer than two usable readings) and the report.
     */
    public static CleanSeries clean(List<RawPoint> points, long stepMillis) {
        return clean(points, stepMillis, new CleaningReport());
    }

    /** As {@link #clean(List, long)}, adding to an existing report (e.g. one that already lists unreadable lines). */
    public static CleanSeries clean(List<RawPoint> points, long stepMillis, CleaningReport report) {
        List<RawPoint> valid = dropInvalid(points, report);
        sortIfNeeded(valid, report);
        if (valid.size() < 2) {
            report.add("only " + valid.size() + " usable readings: nothing to model");
            long step = stepMillis > 0 ? stepMillis : 1;
            long start = valid.isEmpty() ? 0 : valid.get(0).timestampMillis();
            double[] vals = valid.isEmpty() ? new double[0] : new double[] {valid.get(0).value()};
            return new CleanSeries(TimeSeries.of(start, step, vals), report);
        }
        long step = stepMillis > 0 ? stepMillis : medianSpacing(valid);
        return new CleanSeries(resample(valid, step, report), report);
    }

    private static List<RawPoint> dropInvalid(List<RawPoint> points, CleaningReport report) {
        List<RawPoint> valid = new ArrayList<>(points.size());
        int nonFinite = 0;
        int negative = 0;
        for (RawPoint p : points) {
            if (!Double.isFinite(p.value()))
                nonFinite++;
            else if (p.value() < 0)
                negative++;
            else
                valid.add(p);
        }
        if (nonFinite > 0)
            report.add(nonFinite + " NaN or infinite readings dropped");
        if (negative > 0)
            report.add(negative + " negative readings dropped");
        return valid;
    }

    private static void sortIfNeeded(List<RawPoint> valid, CleaningReport report) {
        int unordered = 0;
        for (int i = 1; i < valid.size(); i++) {
            if (valid.get(i).timestampMillis() < valid.get(i - 1).timestampMillis())
                unordered++;
        }
        if (unordered > 0) {
            valid.sort(Comparator.comparingLong(RawPoint::timestampMillis));
            report.add(unordered + " readings out of time order: sorted");
        }
    }

    private static long medianSpacing(List<RawPoint> sorted) {
        long[] gaps = new long[sorted.size() - 1];
        int n = 0;
        for (int i = 1; i < sorted.size(); i++) {
            long d = sorted.get(i).timestampMillis() - sorted.get(i - 1).timestampMillis();
            if (d > 0)
                gaps[n++] = d;
        }
        if (n == 0)
            return 1;
        long[] pos = Arrays.copyOf(gaps, n);
        Arrays.sort(pos);
        return pos[n / 2];
    }

    private static TimeSeries resample(List<RawPoint> sorted, long step, CleaningReport report) {
        long start = sorted.get(0).timestampMillis();
        int windows = Math.toIntExact(Math.round((sorted.get(sorted.size() - 1).timestampMillis() - start) / (double)step)) + 1;
        double[] sum = new double[windows];
        int[] cnt = new int[windows];
        int duplicates = 0;
        for (int i = 0; i < sorted.size(); i++) {
            RawPoint p = sorted.get(i);
            if (i > 0 && p.timestampMillis() == sorted.get(i - 1).timestampMillis())
                duplicates++;
            int w = (int)Math.round((p.timestampMillis() - start) / (double)step);
            sum[w] += p.value();
            cnt[w]++;
        }
        if (duplicates > 0)
            report.add(duplicates + " duplicate timestamps: readings averaged");
        int merged = 0;
        for (int c : cnt) {
            if (c > 1)
                merged += c - 1;
        }
        if (merged > duplicates)
            report.add((merged - duplicates) + " readings shared a " + step / 1000 + " s window with another: averaged");
        return fillGaps(start, step, sum, cnt, report);
    }

    private static TimeSeries fillGaps(long start, long step, double[] sum, int[] cnt, CleaningReport report) {
        int n = sum.length;
        double[] vals = new double[n];
        boolean[] obs = new boolean[n];
        int prev = -1;
        int missing = 0;
        int longest = 0;
        for (int i = 0; i < n; i++) {
            if (cnt[i] == 0)
                continue;
            vals[i] = sum[i] / cnt[i];
            obs[i] = true;
            if (prev >= 0 && i - prev > 1) {
                missing += i - prev - 1;
                longest = Math.max(longest, i - prev - 1);
                for (int j = prev + 1; j < i; j++)
                    vals[j] = vals[prev] + (vals[i] - vals[prev]) * (j - prev) / (i - prev);
            }
            prev = i;
        }
        if (missing > 0)
            report.add(missing + " of " + n + " windows missing (longest gap " + longest + " windows): interpolated");
        return new TimeSeries(start, step, vals, obs);
    }
}
