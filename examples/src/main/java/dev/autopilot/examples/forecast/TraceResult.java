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

import java.util.List;

/**
 * The test-period figures of one trace: per model and horizon errors, the selected forecaster's interval coverage,
 * and how early it saw spikes coming.
 *
 * @param trace Trace name (file name without extension).
 * @param windows Windows in the cleaned series.
 * @param stepMillis Window length.
 * @param season Season found in the training part, in windows.
 * @param issues Cleaning issues and forecaster notes.
 * @param models Names of the rows of {@code mae}, {@code mase} and {@code smape}; the last is the selection.
 * @param mae MAE per model and horizon (index {@code h-1}).
 * @param mase MAE scaled by the in-sample seasonal-naive MAE (one-step naive without a season), per model and horizon.
 * @param smape sMAPE in percent, per model and horizon.
 * @param coverage Share of observed test windows inside the selection's interval, per horizon.
 * @param chosen Model chosen per horizon.
 * @param spikes Spike detection figures.
 * @param origins Forecast origins evaluated.
 * @param originStride Every how many windows an origin was taken.
 * @param forecastMicros Mean time of one forecast (all horizons, intervals) from a bound forecaster.
 * @param seconds Time spent training and scoring.
 */
public record TraceResult(String trace, int windows, long stepMillis, int season, List<String> issues, List<String> models,
    double[][] mae, double[][] mase, double[][] smape, double[] coverage, List<String> chosen, SpikeScore spikes,
    int origins, int originStride, double forecastMicros, double seconds) {
    /** Row index of the selected forecaster. */
    public int selected() {
        return models.size() - 1;
    }

    /** Row index of a model, or -1. */
    public int indexOf(String model) {
        return models.indexOf(model);
    }

    /** Mean over horizons of the selection's MAE divided by {@code model}'s MAE; NaN if the model is absent. */
    public double ratioTo(String model) {
        int m = indexOf(model);
        if (m < 0)
            return Double.NaN;
        double sum = 0;
        for (int h = 0; h < coverage.length; h++)
            sum += mae[selected()][h] / mae[m][h];
        return sum / coverage.length;
    }

    /** Mean coverage over horizons. */
    public double meanCoverage() {
        double sum = 0;
        for (double c : coverage)
            sum += c;
        return sum / coverage.length;
    }
}
