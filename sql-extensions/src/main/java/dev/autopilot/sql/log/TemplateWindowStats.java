package dev.autopilot.sql.log;

import java.util.UUID;

/**
 * What one node saw of one template in one window.
 *
 * @param windowStart start of the window, epoch millis
 * @param templateId the template
 * @param node the node
 * @param executions executions finished in the window
 * @param failures of which failed
 * @param meanLatencyMillis mean latency
 * @param p95LatencyMillis 95th percentile latency, at histogram resolution
 * @param maxLatencyMillis largest latency
 * @param latencyHistogram bucket counts, to merge windows of several nodes exactly
 */
public record TemplateWindowStats(long windowStart, String templateId, UUID node, long executions, long failures,
    double meanLatencyMillis, double p95LatencyMillis, double maxLatencyMillis, long[] latencyHistogram) {
}
