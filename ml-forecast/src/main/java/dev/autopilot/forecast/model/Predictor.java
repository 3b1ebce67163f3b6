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

/** A model bound to one series (see {@link ForecastModel#bind}). Not thread-safe unless the implementation says so. */
public interface Predictor {
    /**
     * Forecasts windows {@code origin+1 .. origin+out.length} from windows {@code [0, origin]}.
     *
     * @param origin Index of the last known window, at least the model's {@link ForecastModel#minOrigin()}.
     * @param out Receives the forecast for horizon {@code h} at index {@code h-1}.
     */
    void forecast(int origin, double[] out);
}
