package dev.autopilot.sql.log;

/**
 * Bounds of a node's query log; together they cap its memory.
 *
 * @param windowMillis length of a statistics window
 * @param maxTemplates distinct templates tracked per node; executions of further templates are counted as dropped
 * @param recentCapacity execution records kept per node (a ring: the oldest is overwritten)
 * @param samplesPerTemplateWindow execution records kept per template and window; every execution is still counted
 *     in the template's window statistics
 */
public record QueryLogSettings(long windowMillis, int maxTemplates, int recentCapacity, int samplesPerTemplateWindow) {
}
