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

import java.util.List;

import dev.autopilot.forecast.model.ForecastModel;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import dev.autopilot.forecast.model.Predictor;
import dev.autopilot.forecast.model.TrainingBackend;
import dev.autopilot.forecast.series.TimeSeries;

/**
 * The trained forecaster of one series: for each horizon, the model (or blend) that validated best, and the
 * residual quantiles that size its prediction interval. Immutable and thread-safe; each {@link #bind} is not.
 */
public final class Forecaster {
    private final int season;
    private final List<ForecastModel> candidates;
    private final int[] choice;
    private final double[] lowQ;
    private final double[] highQ;
    private final double[][] validationMae;
    private final List<String> notes;
    private final double spikeThreshold;

    Forecaster(int season, List<ForecastModel> candidates, int[] choice, double[] lowQ, double[] highQ,
        double[][] validationMae, List<String> notes, double spikeThreshold) {
        this.season = season;
        this.candidates = List.copyOf(candidates);
        this.choice = choice;
        this.lowQ = lowQ;
        this.highQ = highQ;
        this.validationMae = validationMae;
        this.notes = List.copyOf(notes);
        this.spikeThreshold = spikeThreshold;
    }

    /** Trains on the whole series, in this JVM. */
    public static Forecaster train(TimeSeries history, ForecastSettings settings) {
        return train(history, history.size(), settings, new LocalTrainingBackend(1));
    }

    /**
     * Trains on the first {@code trainEnd} windows: the last part of them is held out to choose models per horizon.
     *
     * @param history Series.
     * @param trainEnd Windows {@code [0, trainEnd)} are used; nothing later is read.
     * @param settings Settings.
     * @param backend Where the Ignite ML models train.
     */
    public static Forecaster train(TimeSeries history, int trainEnd, ForecastSettings settings, TrainingBackend backend) {
        return new ModelSelector(settings, backend).select(history, trainEnd);
    }

    /** Season length in windows found in the training data, 0 if none. */
    public int season() {
        return season;
    }

    /** Number of horizons forecast. */
    public int horizons() {
        return choice.length;
    }

    /** All models that were fitted and compared (baselines first). */
    public List<ForecastModel> candidates() {
        return candidates;
    }

    /** The model chosen for horizon {@code h}. */
    public ForecastModel chosen(int h) {
        return candidates.get(choice[h - 1]);
    }

    /** Validation MAE of candidate {@code c} at horizon {@code h}; NaN when there was no validation window. */
    public double validationMae(int c, int h) {
        return validationMae[c][h - 1];
    }

    /** Why the forecaster is simpler than asked for (short series, no season, ...), empty if it is not. */
    public List<String> notes() {
        return notes;
    }

    /** The fewest windows a history must have for {@link #forecast(TimeSeries)}. */
    public int minHistory() {
        int min = 0;
        for (int c : choice)
            min = Math.max(min, candidates.get(c).minOrigin());
        return min + 1;
    }

    /** Forecasts the windows after the last one of {@code history}, which must hold {@link #minHistory()} windows. */
    public Forecast forecast(TimeSeries history) {
        if (history.size() < minHistory())
            throw new IllegalArgumentException("history has " + history.size() + " windows, the chosen models need " + minHistory());
        return bind(history).forecast(history.size() - 1);
    }

    /** Binds the chosen models to a series, to forecast from many origins of it. */
    public Bound bind(TimeSeries s) {
        return new Bound(s);
    }

    /** The forecaster bound to one series. Not thread-safe. */
    public final class Bound {
        private final TimeSeries series;
        private final Predictor[] predictors;
        private final double[][] buffers;

        private Bound(TimeSeries s) {
            series = s;
            predictors = new Predictor[candidates.size()];
            buffers = new double[candidates.size()][];
            for (int c : choice) {
                if (predictors[c] == null) {
                    predictors[c] = candidates.get(c).bind(s);
                    buffers[c] = new double[choice.length];
                }
            }
        }

        /** The forecast made with windows {@code [0, origin]} known. */
        public Forecast forecast(int origin) {
            int horizons = choice.length;
            for (int c = 0; c < predictors.length; c++) {
                if (predictors[c] != null)
                    predictors[c].forecast(origin, buffers[c]);
            }
            double[] pred = new double[horizons];
            double[] lo = new double[horizons];
            double[] hi = new double[horizons];
            String[] names = new String[horizons];
            for (int h = 0; h < horizons; h++) {
                int c = choice[h];
                pred[h] = Math.max(0, buffers[c][h]);
                double z = Math.log1p(pred[h]);
                lo[h] = Math.max(0, Math.min(pred[h], Math.expm1(z + lowQ[h])));
                hi[h] = Math.max(pred[h], Math.expm1(z + highQ[h]));
                names[h] = candidates.get(c).name();
            }
            return new Forecast(series.timeOf(origin + 1), series.stepMillis(), pred, lo, hi, names, spikeThreshold);
        }
    }
}
