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

package dev.autopilot.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.autopilot.forecast.model.BlendModel;
import dev.autopilot.forecast.model.ForecastModel;
import dev.autopilot.forecast.model.HoltWintersModel;
import dev.autopilot.forecast.model.LastValueModel;
import dev.autopilot.forecast.model.LearnedModel;
import dev.autopilot.forecast.model.LearnedModelTrainer;
import dev.autopilot.forecast.model.Predictor;
import dev.autopilot.forecast.model.Regressor;
import dev.autopilot.forecast.model.SeasonalNaiveModel;
import dev.autopilot.forecast.model.TrainingBackend;
import dev.autopilot.forecast.series.SeasonDetector;
import dev.autopilot.forecast.series.TimeSeries;

/**
 * Chooses a model per horizon by rolling-origin validation, the way QB5000 picks among its models.
 *
 * <p>The training windows are split: models are fitted on the first part, then every origin of the held-out part
 * forecasts horizons 1..H with each candidate (parameters fixed, origin rolling). Per horizon the candidate with the
 * lowest held-out MAE wins; baselines are candidates too, so a series never gets a model that validated worse than
 * its baseline. The winner's held-out residuals, in log scale (load errors grow with the load), give the interval
 * quantiles. Short series fall back to the baselines they can support, with the reason noted.
 */
final class ModelSelector {
    private final ForecastSettings settings;
    private final TrainingBackend backend;

    ModelSelector(ForecastSettings settings, TrainingBackend backend) {
        this.settings = settings;
        this.backend = backend;
    }

    Forecaster select(TimeSeries s, int trainEnd) {
        if (trainEnd < 1 || trainEnd > s.size())
            throw new IllegalArgumentException("trainEnd must be in [1, " + s.size() + "]: " + trainEnd);
        int horizons = settings.horizon();
        List<String> notes = new ArrayList<>();
        int valLen = Math.min(trainEnd - 1, Math.max(2 * horizons, (int)Math.round(trainEnd * settings.validationFraction())));
        int fitEnd = trainEnd - valLen;
        int season = SeasonDetector.detect(s, trainEnd);
        List<ForecastModel> candidates = new ArrayList<>();
        candidates.add(new LastValueModel());
        if (season == 0)
            notes.add("no season fits twice into " + trainEnd + " windows: last-value baseline only");
        else {
            candidates.add(new SeasonalNaiveModel(season));
            if (fitEnd < 2 * season)
                notes.add("series shorter than two seasons of " + season + " windows plus validation (" + trainEnd
                    + " windows): baselines only");
            else
                addFittedModels(s, fitEnd, season, candidates, notes);
        }
        return validate(s, fitEnd, trainEnd, season, candidates, notes);
    }

    private void addFittedModels(TimeSeries s, int fitEnd, int season, List<ForecastModel> candidates, List<String> notes) {
        candidates.add(HoltWintersModel.fit(s, fitEnd, season));
        List<ForecastModel> learned = new ArrayList<>();
        for (Regressor r : settings.regressors()) {
            LearnedModel m = new LearnedModelTrainer(r, settings.boosting(), settings.maxTrainingRows(), backend)
                .train(s, fitEnd, season, settings.horizon());
            if (m == null)
                notes.add(r.modelName() + ": too few training rows before window " + fitEnd);
            else
                learned.add(m);
        }
        candidates.addAll(learned);
        if (learned.size() >= 2)
            candidates.add(new BlendModel(learned));
    }

    private Forecaster validate(TimeSeries s, int fitEnd, int trainEnd, int season, List<ForecastModel> candidates,
        List<String> notes) {
        int horizons = settings.horizon();
        int k = candidates.size();
        int firstOrigin = Math.max(fitEnd - 1, candidates.stream().mapToInt(ForecastModel::minOrigin).max().orElse(0));
        double[][] absErr = new double[k][horizons];
        int[] count = new int[horizons];
        Predictor[] predictors = new Predictor[k];
        for (int c = 0; c < k; c++)
            predictors[c] = candidates.get(c).bind(s);
        double[][] out = new double[k][horizons];
        double[][][] resid = new double[k][horizons][Math.max(0, trainEnd - firstOrigin)];
        for (int t = firstOrigin; t <= trainEnd - 2; t++) {
            for (int c = 0; c < k; c++)
                predictors[c].forecast(t, out[c]);
            for (int h = 1; h <= horizons && t + h < trainEnd; h++) {
                if (!s.observed(t + h))
                    continue;
                double actual = s.value(t + h);
                for (int c = 0; c < k; c++) {
                    double p = Math.max(0, out[c][h - 1]);
                    absErr[c][h - 1] += Math.abs(actual - p);
                    resid[c][h - 1][count[h - 1]] = Math.log1p(actual) - Math.log1p(p);
                }
                count[h - 1]++;
            }
        }
        int[] choice = new int[horizons];
        double[] lowQ = new double[horizons];
        double[] highQ = new double[horizons];
        double[][] mae = new double[k][horizons];
        double tail = (1 - settings.coverage()) / 2;
        boolean unvalidated = false;
        for (int h = 0; h < horizons; h++) {
            for (int c = 0; c < k; c++)
                mae[c][h] = count[h] == 0 ? Double.NaN : absErr[c][h] / count[h];
            if (count[h] == 0) {
                unvalidated = true;
                choice[h] = candidates.size() > 1 ? 1 : 0;
                lowQ[h] = Double.NEGATIVE_INFINITY;
                highQ[h] = Double.POSITIVE_INFINITY;
                continue;
            }
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (mae[c][h] < mae[best][h])
                    best = c;
            }
            choice[h] = best;
            double[] r = Arrays.copyOf(resid[best][h], count[h]);
            Arrays.sort(r);
            lowQ[h] = quantile(r, tail);
            highQ[h] = quantile(r, 1 - tail);
        }
        if (unvalidated)
            notes.add("no held-out windows for some horizons: baseline chosen, interval unbounded");
        return new Forecaster(season, candidates, choice, lowQ, highQ, mae, notes, settings.spikeThreshold());
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int)Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
