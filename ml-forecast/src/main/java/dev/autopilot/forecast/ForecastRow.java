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

/**
 * One row of the forecast table (a SQL view will expose these): the load of one partition at one horizon.
 *
 * @param partition Partition id.
 * @param horizon Windows ahead, from 1.
 * @param windowStartMillis Start of the forecast window.
 * @param predicted Point forecast (queries per window).
 * @param lower Lower bound of the prediction interval.
 * @param upper Upper bound of the prediction interval.
 * @param model Name of the model that made the forecast.
 */
public record ForecastRow(int partition, int horizon, long windowStartMillis, double predicted, double lower, double upper,
    String model) {
}
