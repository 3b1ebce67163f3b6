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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.autopilot.forecast.Forecast;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.Forecaster;
import dev.autopilot.forecast.model.ForecastModel;
import dev.autopilot.forecast.model.HoltWintersModel;
import dev.autopilot.forecast.model.Predictor;
import dev.autopilot.forecast.model.TrainingBackend;
import dev.autopilot.forecast.series.SeasonDetector;
import dev.autopilot.forecast.series.TimeSeries;

/**
 * Trains on the first part of a trace and scores every candidate model and the selection, origin by origin, on the
 * rest. Only observed windows are scored: windows the cleaner filled in are never targets.
 */
final class TraceEvaluator {
    private final ForecastSettings settings;
    private final TrainingBackend backend;
    private final double trainShare;
    private final int originStride;
    private final double spikeQuantile;

    /**
     * @param settings Forecaster settings (horizon, coverage).
     * @param backend Where the learned models train.
     * @param trainShare Share of the series used for training, e.g. 0.7.
     * @param originStride Evaluate every k-th test origin.
     * @param spikeQuantile Quantile of the training load that defines a spike, e.g. 0.99.
     */
    TraceEvaluator(ForecastSettings settings, TrainingBackend backend, double trainShare, int originStride, double spikeQuantile) {
        this.settings = settings;
        this.backend = backend;
        this.trainShare = trainShare;
        this.originStride = originStride;
        this.spikeQuantile = spikeQuantile;
    }

    TraceResult evaluate(String name, TimeSeries s, List<String> cleaningIssues) {
        long started = System.nanoTime();
        int n = s.size();
        int horizons = settings.horizon();
        int trainEnd = Math.max(1, (int)(n * trainShare));
        double threshold = quantile(s, trainEnd, spikeQuantile);
        ForecastSettings withSpike = settings.toBuilder().spikeThreshold(threshold).build();
        Forecaster forecaster = Forecaster.train(s, trainEnd, withSpike, backend);

        List<ForecastModel> candidates = forecaster.candidates();
        int k = candidates.size();
        List<String> names = new ArrayList<>();
        Predictor[] predictors = new Predictor[k];
        for (int c = 0; c < k; c++) {
            names.add(candidates.get(c).name());
            predictors[c] = candidates.get(c).bind(s);
        }
        names.add("selected");
        Forecaster.Bound selected = forecaster.bind(s);

        int first = Math.max(trainEnd - 1, candidates.stream().mapToInt(ForecastModel::minOrigin).max().orElse(0));
        double[][] absErr = new double[k + 1][horizons];
        double[][] smape = new double[k + 1][horizons];
        double[] covered = new double[horizons];
        int[] count = new int[horizons];
        double[][] out = new double[k + 1][horizons];
        double[][] pointAlarm = new double[n][];
        double[][] upperAlarm = new double[n][];
        int origins = 0;
        long forecastNanos = 0;
        for (int t = first; t <= n - 2; t += originStride) {
            origins++;
            for (int c = 0; c < k; c++)
                predictors[c].forecast(t, out[c]);
            long before = System.nanoTime();
            Forecast f = selected.forecast(t);
            forecastNanos += System.nanoTime() - before;
            pointAlarm[t] = new double[horizons];
            upperAlarm[t] = new double[horizons];
            for (int h = 1; h <= horizons; h++) {
                out[k][h - 1] = f.predicted(h);
                pointAlarm[t][h - 1] = f.predicted(h);
                upperAlarm[t][h - 1] = f.upper(h);
            }
            for (int h = 1; h <= horizons && t + h < n; h++) {
                if (!s.observed(t + h))
                    continue;
                double actual = s.value(t + h);
                for (int c = 0; c <= k; c++) {
                    double p = Math.max(0, out[c][h - 1]);
                    absErr[c][h - 1] += Math.abs(actual - p);
                    smape[c][h - 1] += actual + p == 0 ? 0 : 200 * Math.abs(actual - p) / (actual + p);
                }
                if (f.lower(h) <= actual && actual <= f.upper(h))
                    covered[h - 1]++;
                count[h - 1]++;
            }
        }

        // MASE scale: the in-sample seasonal-naive error; one-step naive error when the series has no season.
        double scale = SeasonDetector.seasonalNaiveMae(s, trainEnd, Math.max(1, forecaster.season()));
        double[][] mae = new double[k + 1][horizons];
        double[][] mase = new double[k + 1][horizons];
        double[] coverage = new double[horizons];
        for (int h = 0; h < horizons; h++) {
            for (int c = 0; c <= k; c++) {
                mae[c][h] = absErr[c][h] / count[h];
                mase[c][h] = mae[c][h] / scale;
                smape[c][h] /= count[h];
            }
            coverage[h] = covered[h] / count[h];
        }
        List<String> chosen = new ArrayList<>();
        for (int h = 1; h <= horizons; h++)
            chosen.add(forecaster.chosen(h).name());
        List<String> issues = new ArrayList<>(cleaningIssues);
        issues.addAll(forecaster.notes());
        for (ForecastModel c : candidates) {
            if (c instanceof HoltWintersModel)
                issues.add("fitted " + c);
        }
        SpikeScore spikes = spikes(s, first, trainEnd, threshold, pointAlarm, upperAlarm);
        return new TraceResult(name, n, s.stepMillis(), forecaster.season(), issues, names, mae, mase, smape, coverage, chosen,
            spikes, origins, originStride, forecastNanos / 1e3 / Math.max(1, origins), (System.nanoTime() - started) / 1e9);
    }

    private SpikeScore spikes(TimeSeries s, int first, int trainEnd, double threshold, double[][] point, double[][] upper) {
        int horizons = settings.horizon();
        int events = 0;
        int detected = 0;
        int detectedByRisk = 0;
        double lead = 0;
        double riskLead = 0;
        for (int t = trainEnd; t < s.size(); t++) {
            boolean onset = s.observed(t) && s.value(t) >= threshold && s.value(t - 1) < threshold;
            if (!onset)
                continue;
            events++;
            int l = leadOf(point, t, first, horizons, threshold);
            if (l > 0) {
                detected++;
                lead += l;
            }
            int rl = leadOf(upper, t, first, horizons, threshold);
            if (rl > 0) {
                detectedByRisk++;
                riskLead += rl;
            }
        }
        int alarms = 0;
        int hits = 0;
        for (int t = first; t < s.size(); t++) {
            if (point[t] == null)
                continue;
            for (int h = 1; h <= horizons && t + h < s.size(); h++) {
                if (point[t][h - 1] >= threshold && s.observed(t + h)) {
                    alarms++;
                    if (s.value(t + h) >= threshold)
                        hits++;
                }
            }
        }
        return new SpikeScore(threshold, events, detected, detected == 0 ? Double.NaN : lead / detected, detectedByRisk,
            detectedByRisk == 0 ? Double.NaN : riskLead / detectedByRisk, alarms == 0 ? Double.NaN : hits / (double)alarms);
    }

    /** The largest horizon at which a forecast made before {@code t} flagged window {@code t}, or 0. */
    private static int leadOf(double[][] alarm, int t, int first, int horizons, double threshold) {
        for (int h = horizons; h >= 1; h--) {
            int origin = t - h;
            if (origin >= first && alarm[origin] != null && alarm[origin][h - 1] >= threshold)
                return h;
        }
        return 0;
    }

    private static double quantile(TimeSeries s, int end, double q) {
        double[] v = new double[end];
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.observed(i))
                v[n++] = s.value(i);
        }
        double[] sorted = Arrays.copyOf(v, n);
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.POSITIVE_INFINITY : sorted[Math.min(sorted.length - 1, (int)(q * sorted.length))];
    }
}
