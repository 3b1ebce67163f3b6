package dev.autopilot.forecast;

/**
 * One row of the forecast table (a SQL view will expose these): the load of one partition at one horizon.
 *
 * @param partition Partition id.
 * @param horizon Windows ahead, from 1.
 * @param windowStartMillis Start of the forecast window.
 * @param predicted Point forecast (queries per window).
 * @param lower Lower bound of the prediction interval.
 * @param upper Upper bound of the prediction interval.
 * @param model Name of the model that made the forecast.
 */
public record ForecastRow(int partition, int horizon, long windowStartMillis, double predicted, double lower, double upper,
    String model) {
}
