package dev.autopilot.sql.derived;

/**
 * The expression fails on this row where SQL fails too (e.g. {@code INTEGER overflow}, {@code / by zero}). The caller
 * decides: an interceptor that rethrows fails the write as an SQL {@code UPDATE} of the same expression would.
 */
public class DerivedValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DerivedValueException(String expression, Throwable cause) {
        super("Failed to evaluate " + expression + ": " + cause.getMessage(), cause);
    }
}
