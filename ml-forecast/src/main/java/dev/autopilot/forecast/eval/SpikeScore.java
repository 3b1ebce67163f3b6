package dev.autopilot.forecast.eval;

/**
 * How well the spike signal anticipated the test period's spikes (onsets of load at or above the threshold).
 *
 * @param threshold Load threshold (a high quantile of the training load).
 * @param events Spike onsets in the test period.
 * @param detected Onsets that some forecast flagged in advance by its point forecast.
 * @param meanLeadWindows Mean lead over detected onsets, in windows (the largest horizon that flagged it).
 * @param detectedByRisk Onsets flagged in advance by the upper interval bound.
 * @param meanRiskLeadWindows Mean lead of those, in windows.
 * @param alarmPrecision Share of point-forecast alarms (origin, horizon) whose window did reach the threshold.
 */
public record SpikeScore(double threshold, int events, int detected, double meanLeadWindows, int detectedByRisk,
    double meanRiskLeadWindows, double alarmPrecision) {
}
