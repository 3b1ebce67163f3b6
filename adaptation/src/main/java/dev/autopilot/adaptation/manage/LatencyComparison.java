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

package dev.autopilot.adaptation.manage;

import java.util.Locale;
import java.util.Map;

/**
 * Latency of the same statements before and after a change: only templates that ran at least {@code minExecutions}
 * times on both sides count, each weighted by its executions before. When the workload drifted meanwhile, the
 * templates compared are a small part of the table's work on one side or the other, and their latency says more about
 * the drift (new scans slowing the old lookups down) than about the change: below {@link #MIN_COVERAGE} no verdict is
 * a regression.
 *
 * @param beforeMs weighted mean latency before, {@code NaN} when no template counts
 * @param afterMs weighted mean latency after, with the same weights, {@code NaN} when no template counts
 * @param templates templates compared
 * @param coverage the smaller of the shares of the table's query time (executions × mean latency) the templates
 *     compared took before and after
 */
public record LatencyComparison(double beforeMs, double afterMs, int templates, double coverage) {
    /** The least share of the table's query time, on each side, the templates compared must take to judge a change. */
    public static final double MIN_COVERAGE = 0.5;

    /** @return the comparison of {@code before} with {@code after} */
    public static LatencyComparison of(Map<String, TemplateLatency> before, Map<String, TemplateLatency> after,
        long minExecutions) {
        double weight = 0;
        double beforeSum = 0;
        double afterSum = 0;
        double beforeTime = 0;
        double afterTime = 0;
        int templates = 0;
        for (Map.Entry<String, TemplateLatency> e : before.entrySet()) {
            TemplateLatency b = e.getValue();
            TemplateLatency a = after.get(e.getKey());
            if (a == null || b.executions() < minExecutions || a.executions() < minExecutions)
                continue;
            weight += b.executions();
            beforeSum += b.executions() * b.meanMs();
            afterSum += b.executions() * a.meanMs();
            beforeTime += time(b);
            afterTime += time(a);
            templates++;
        }
        double coverage = Math.min(share(beforeTime, before), share(afterTime, after));
        return templates == 0 ? new LatencyComparison(Double.NaN, Double.NaN, 0, 0)
            : new LatencyComparison(beforeSum / weight, afterSum / weight, templates, coverage);
    }

    private static double share(double time, Map<String, TemplateLatency> all) {
        double total = all.values().stream().mapToDouble(LatencyComparison::time).sum();
        return total == 0 ? 0 : time / total;
    }

    /** @return a template's time in its windows, in milliseconds (at least 1 per execution: the clock is coarse) */
    private static double time(TemplateLatency t) {
        return t.executions() * Math.max(1, t.meanMs());
    }

    /** @return whether the templates compared are enough of the table's work on both sides to judge the change */
    public boolean conclusive() {
        return templates > 0 && coverage >= MIN_COVERAGE;
    }

    /** @return whether the statements got slower than {@code margin} allows (0.25: more than 25% slower) */
    public boolean regressed(double margin) {
        return conclusive() && afterMs > beforeMs * (1 + margin);
    }

    @Override public String toString() {
        return templates == 0 ? "no statement ran both before and after"
            : String.format(Locale.ROOT, "%.2f ms after vs %.2f ms before over %d templates (%.0f%% of the table's "
                + "time%s)", afterMs, beforeMs, templates, coverage * 100,
                conclusive() ? "" : ": the workload changed, no verdict");
    }
}
