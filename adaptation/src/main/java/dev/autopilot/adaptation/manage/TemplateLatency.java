package dev.autopilot.adaptation.manage;

/**
 * How often one statement template ran in a span of windows, and how fast.
 *
 * @param executions executions in the span
 * @param meanMs mean latency, in ms
 * @param read whether the template is a query (not a write)
 */
public record TemplateLatency(long executions, double meanMs, boolean read) {
}
