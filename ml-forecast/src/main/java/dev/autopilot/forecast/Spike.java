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
 * A forecast exceedance of the load threshold: what the balancer acts on, and how long it has to act.
 *
 * @param horizon First horizon (in windows) whose forecast reaches the threshold.
 * @param leadMillis Forecast lead: horizon times window length (the spike is due by the end of that window).
 * @param forecast The forecast value that reached the threshold (point forecast or upper bound).
 * @param threshold The configured threshold.
 */
public record Spike(int horizon, long leadMillis, double forecast, double threshold) {
}
