package dev.autopilot.forecast.model;

import java.util.Arrays;

import dev.autopilot.forecast.series.TimeSeries;

/** The naive baseline: the next windows look like the last one. Hard to beat at horizon 1 on bursty load. */
public final class LastValueModel implements ForecastModel {
    public static final String NAME = "last-value";

    @Override public String name() {
        return NAME;
    }

    @Override public int minOrigin() {
        return 0;
    }

    @Override public Predictor bind(TimeSeries s) {
        return (origin, out) -> Arrays.fill(out, s.value(origin));
    }
}
