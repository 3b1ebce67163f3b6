package dev.autopilot.forecast;

/**
 * The time source of the load windows. Injected so tests move time explicitly instead of sleeping.
 */
@FunctionalInterface
public interface Ticker {
    /** Current time in epoch millis. */
    long millis();

    /** Wall-clock time. */
    static Ticker system() {
        return System::currentTimeMillis;
    }
}
