package dev.autopilot.sql.log;

import java.util.UUID;

/**
 * Statements that read or wrote a table in one window on one node.
 *
 * @param windowStart start of the window, epoch millis
 * @param table {@code SCHEMA.TABLE}
 * @param node the node that ran the statements
 * @param reads SELECT executions that read the table
 * @param writes DML executions that wrote it
 */
public record TableAccess(long windowStart, String table, UUID node, long reads, long writes) {
}
