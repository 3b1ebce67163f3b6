package dev.autopilot.forecast;

/**
 * A forecast exceedance of the load threshold: what the balancer acts on, and how long it has to act.
 *
 * @param horizon First horizon (in windows) whose forecast reaches the threshold.
 * @param leadMillis Forecast lead: horizon times window length (the spike is due by the end of that window).
 * @param forecast The forecast value that reached the threshold (point forecast or upper bound).
 * @param threshold The configured threshold.
 */
public record Spike(int horizon, long leadMillis, double forecast, double threshold) {
}
