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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Aggregates trace results into the flat figures of {@code forecast.json}, which the project's benchmark dashboard
 * reads.
 */
final class ForecastFigures {
    private ForecastFigures() {
    }

    /** Flat key/value figures: totals first, then per trace and model. NaN figures are left out. */
    static Map<String, Object> of(List<TraceResult> results, double nominalCoverage, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mase_vs_seasonal_naive", meanOver(results, r -> r.ratioTo("seasonal-naive")));
        m.put("improvement_vs_holt_winters", 1 - meanOver(results, r -> r.ratioTo("holt-winters")));
        m.put("interval_coverage", meanOver(results, TraceResult::meanCoverage));
        m.put("interval_nominal", nominalCoverage);
        m.put("horizons", results.isEmpty() ? 0 : results.get(0).coverage().length);
        m.put("traces", results.size());
        m.put("origin_stride", results.isEmpty() ? 1 : results.get(0).originStride());
        m.put("runtime_seconds", Math.round(seconds * 10) / 10.0);
        for (TraceResult r : results) {
            String p = r.trace() + ".";
            m.put(p + "season_windows", r.season());
            m.put(p + "mase_vs_seasonal_naive", r.ratioTo("seasonal-naive"));
            m.put(p + "improvement_vs_holt_winters", 1 - r.ratioTo("holt-winters"));
            m.put(p + "interval_coverage", r.meanCoverage());
            m.put(p + "forecast_micros", r.forecastMicros());
            for (int i = 0; i < r.models().size(); i++)
                m.put(p + r.models().get(i) + ".mase", mean(r.mase()[i]));
            m.put(p + "spike_events", r.spikes().events());
            m.put(p + "spike_detected", r.spikes().detected());
            m.put(p + "spike_lead_minutes", r.spikes().meanLeadWindows() * r.stepMillis() / 60_000.0);
            m.put(p + "spike_risk_detected", r.spikes().detectedByRisk());
            m.put(p + "spike_risk_lead_minutes", r.spikes().meanRiskLeadWindows() * r.stepMillis() / 60_000.0);
        }
        m.values().removeIf(v -> v instanceof Double d && !Double.isFinite(d));
        return m;
    }

    private static double meanOver(List<TraceResult> results, ToDoubleFunction<TraceResult> f) {
        return results.stream().mapToDouble(f).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v)
            s += x;
        return s / v.length;
    }
}
