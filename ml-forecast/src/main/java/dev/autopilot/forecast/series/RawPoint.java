package dev.autopilot.forecast.series;

/**
 * One timestamped reading as it arrives (from a trace file or a counter), before any cleaning.
 *
 * @param timestampMillis Epoch millis.
 * @param value The reading; may be NaN or negative (the cleaner deals with it).
 */
public record RawPoint(long timestampMillis, double value) {
}
