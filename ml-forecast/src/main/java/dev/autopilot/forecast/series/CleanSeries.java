package dev.autopilot.forecast.series;

/**
 * A cleaned series together with the account of what was repaired.
 *
 * @param series The regular series; empty when nothing usable was left.
 * @param report What was changed and why.
 */
public record CleanSeries(TimeSeries series, CleaningReport report) {
}
