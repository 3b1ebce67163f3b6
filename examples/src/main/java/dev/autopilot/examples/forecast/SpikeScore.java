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

/**
 * How well the spike signal anticipated the test period's spikes (onsets of load at or above the threshold).
 *
 * @param threshold Load threshold (a high quantile of the training load).
 * @param events Spike onsets in the test period.
 * @param detected Onsets that some forecast flagged in advance by its point forecast.
 * @param meanLeadWindows Mean lead over detected onsets, in windows (the largest horizon that flagged it).
 * @param detectedByRisk Onsets flagged in advance by the upper interval bound.
 * @param meanRiskLeadWindows Mean lead of those, in windows.
 * @param alarmPrecision Share of point-forecast alarms (origin, horizon) whose window did reach the threshold.
 */
public record SpikeScore(double threshold, int events, int detected, double meanLeadWindows, int detectedByRisk,
    double meanRiskLeadWindows, double alarmPrecision) {
}
