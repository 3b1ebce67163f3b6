package dev.autopilot.adaptation.manage;

import java.util.Locale;
import java.util.Map;

/**
 * Latency of the same statements before and after a change: only templates that ran at least {@code minExecutions}
 * times on both sides count, each weighted by its executions before.
 *
 * @param beforeMs weighted mean latency before, {@code NaN} when no template counts
 * @param afterMs weighted mean latency after, with the same weights, {@code NaN} when no template counts
 * @param templates templates compared
 */
public record LatencyComparison(double beforeMs, double afterMs, int templates) {
    /** @return the comparison of {@code before} with {@code after} */
    public static LatencyComparison of(Map<String, TemplateLatency> before, Map<String, TemplateLatency> after,
        long minExecutions) {
        double weight = 0;
        double beforeSum = 0;
        double afterSum = 0;
        int templates = 0;
        for (Map.Entry<String, TemplateLatency> e : before.entrySet()) {
            TemplateLatency b = e.getValue();
            TemplateLatency a = after.get(e.getKey());
            if (a == null || b.executions() < minExecutions || a.executions() < minExecutions)
                continue;
            weight += b.executions();
            beforeSum += b.executions() * b.meanMs();
            afterSum += b.executions() * a.meanMs();
            templates++;
        }
        return templates == 0 ? new LatencyComparison(Double.NaN, Double.NaN, 0)
            : new LatencyComparison(beforeSum / weight, afterSum / weight, templates);
    }

    /** @return whether the statements got slower than {@code margin} allows (0.25: more than 25% slower) */
    public boolean regressed(double margin) {
        return templates > 0 && afterMs > beforeMs * (1 + margin);
    }

    @Override public String toString() {
        return templates == 0 ? "no statement ran both before and after"
            : String.format(Locale.ROOT, "%.2f ms after vs %.2f ms before over %d templates", afterMs,
                beforeMs, templates);
    }
}
