package dev.autopilot.sql.expression;

/**
 * Why an expression is not an allowed derived expression; the caller adds which field held it. Without a stack trace:
 * the query rewriter meets many expressions that are not derived ones, and only the message is ever shown.
 */
final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpressionException(String reason) {
        super(reason, null, false, false);
    }
}
