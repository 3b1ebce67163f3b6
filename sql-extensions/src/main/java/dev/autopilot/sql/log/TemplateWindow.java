package dev.autopilot.sql.log;

import java.util.UUID;

/** The running statistics of one template in one window on this node. */
final class TemplateWindow {
    final long windowStart;
    final String templateId;

    private final LatencyHistogram histogram = new LatencyHistogram();
    private long executions;
    private long failures;
    private long sumMicros;
    private long maxMicros;
    private int sampled;
    private boolean dirty;

    TemplateWindow(long windowStart, String templateId) {
        this.windowStart = windowStart;
        this.templateId = templateId;
    }

    /** @return whether this execution should also be kept as a sampled record */
    synchronized boolean add(long latencyMicros, boolean failed, int samplesAllowed) {
        executions++;
        if (failed)
            failures++;
        sumMicros += latencyMicros;
        maxMicros = Math.max(maxMicros, latencyMicros);
        histogram.add(latencyMicros);
        dirty = true;
        return sampled++ < samplesAllowed;
    }

    /** @return the statistics, and whether they changed since the last call */
    synchronized TemplateWindowStats takeIfDirty(UUID node) {
        if (!dirty)
            return null;
        dirty = false;
        return stats(node);
    }

    synchronized TemplateWindowStats stats(UUID node) {
        return new TemplateWindowStats(windowStart, templateId, node, executions, failures,
            executions == 0 ? 0 : sumMicros / 1000.0 / executions, histogram.quantile(0.95) / 1000.0,
            maxMicros / 1000.0, histogram.counts());
    }
}
