package dev.autopilot.sql;

import org.apache.calcite.sql.SqlNode;

/**
 * Sees every SQL statement that reaches Ignite's Calcite engine on this node, after parsing and before planning,
 * whichever client sent it (JDBC thin, ODBC, thin client, {@code SqlFieldsQuery}). Ignite parses a statement only
 * when its plan is not cached yet, so a hook sees each distinct statement text, not each execution.
 */
@FunctionalInterface
public interface StatementHook {
    /**
     * @param originalSql the text the client sent (all statements of it, when it sent several)
     * @param stmt one parsed statement
     * @return the statement to plan: {@code stmt} itself, or a rewritten tree
     */
    SqlNode onParsed(String originalSql, SqlNode stmt);
}
