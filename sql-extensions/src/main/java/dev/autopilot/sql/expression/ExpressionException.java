package dev.autopilot.sql.expression;

/** Why an expression is not an allowed derived expression; the caller adds which field held it. */
final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpressionException(String reason) {
        super(reason);
    }
}
