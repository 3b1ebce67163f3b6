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

package dev.autopilot.forecast.model;

import dev.autopilot.forecast.series.TimeSeries;

/**
 * A fitted forecasting model: the common shape of baselines and learned models, so that the selector can compare
 * them on the same origins.
 */
public interface ForecastModel {
    /** Short name shown in forecasts and reports, e.g. {@code "holt-winters"}. */
    String name();

    /** The first origin (index of the last known window) this model can forecast from. */
    int minOrigin();

    /**
     * Binds the model to a series. Binding may precompute state over the whole series (Holt-Winters filters it once),
     * but a forecast from origin {@code t} reads windows {@code [0, t]} only, so one binding serves every origin of a
     * rolling evaluation without leaking the future.
     */
    Predictor bind(TimeSeries s);
}
