package dev.autopilot.sql.log;

import java.util.UUID;

/**
 * One sampled execution in the query log.
 *
 * @param seq the node-local sequence number
 * @param templateId the template it belongs to
 * @param originalSql the text the client sent
 * @param node the node that ran it
 * @param startMillis when it started
 * @param latencyMillis how long it ran, including the client's fetching of rows
 * @param failed whether it ended with an error
 */
public record ExecutionRecord(long seq, String templateId, String originalSql, UUID node, long startMillis,
    long latencyMillis, boolean failed) {
}
