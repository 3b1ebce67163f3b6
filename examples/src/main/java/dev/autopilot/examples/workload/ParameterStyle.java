package dev.autopilot.examples.workload;

/**
 * How a template's parameters reach the server. Some clients bind {@code ?} parameters, others send every value
 * as a literal in a new SQL text; the two look very different to a plan cache and to a query rewriter, so a
 * workload can choose per template or for the whole run.
 */
public enum ParameterStyle {
    /** A {@code PreparedStatement} with {@code ?} parameters: one SQL text per template. */
    BIND,

    /** A plain {@code Statement} with the values written into the SQL text: a new text per value combination. */
    INLINE
}
