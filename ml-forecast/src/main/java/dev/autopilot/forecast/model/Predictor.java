package dev.autopilot.forecast.model;

/** A model bound to one series (see {@link ForecastModel#bind}). Not thread-safe unless the implementation says so. */
public interface Predictor {
    /**
     * Forecasts windows {@code origin+1 .. origin+out.length} from windows {@code [0, origin]}.
     *
     * @param origin Index of the last known window, at least the model's {@link ForecastModel#minOrigin()}.
     * @param out Receives the forecast for horizon {@code h} at index {@code h-1}.
     */
    void forecast(int origin, double[] out);
}
