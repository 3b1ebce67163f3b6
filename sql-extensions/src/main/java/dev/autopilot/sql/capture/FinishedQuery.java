package dev.autopilot.sql.capture;

import java.util.UUID;

/**
 * One finished execution of a SQL statement, as Ignite's running-query registry reports it.
 *
 * @param sql the statement text Ignite registered: the parsed (and possibly rewritten) tree printed back
 * @param schema the schema it ran in
 * @param node the node that ran it
 * @param startMillis when it started, from Ignite's coarse clock (about 10 ms steps)
 * @param finishMillis when the client had fetched its last row, same clock
 * @param failed whether it ended with an error
 */
public record FinishedQuery(String sql, String schema, UUID node, long startMillis, long finishMillis, boolean failed) {
    /** @return the latency in milliseconds: coarse per execution, unbiased on average */
    public long latencyMillis() {
        return Math.max(0, finishMillis - startMillis);
    }
}
