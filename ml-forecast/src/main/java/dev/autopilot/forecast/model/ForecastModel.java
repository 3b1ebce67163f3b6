package dev.autopilot.forecast.model;

import dev.autopilot.forecast.series.TimeSeries;

/**
 * A fitted forecasting model: the common shape of baselines and learned models, so that the selector can compare
 * them on the same origins.
 */
public interface ForecastModel {
    /** Short name shown in forecasts and reports, e.g. {@code "holt-winters"}. */
    String name();

    /** The first origin (index of the last known window) this model can forecast from. */
    int minOrigin();

    /**
     * Binds the model to a series. Binding may precompute state over the whole series (Holt-Winters filters it once),
     * but a forecast from origin {@code t} reads windows {@code [0, t]} only, so one binding serves every origin of a
     * rolling evaluation without leaking the future.
     */
    Predictor bind(TimeSeries s);
}
