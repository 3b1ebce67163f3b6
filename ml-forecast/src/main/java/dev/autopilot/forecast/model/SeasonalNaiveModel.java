package dev.autopilot.forecast.model;

import dev.autopilot.forecast.series.TimeSeries;

/**
 * The seasonal baseline: a window looks like the same window one season earlier. It is the yardstick of MASE, so
 * every other model is judged against it.
 */
public final class SeasonalNaiveModel implements ForecastModel {
    public static final String NAME = "seasonal-naive";

    private final int season;

    /** @param season Season length in windows, at least 1. */
    public SeasonalNaiveModel(int season) {
        if (season < 1)
            throw new IllegalArgumentException("season must be at least 1: " + season);
        this.season = season;
    }

    @Override public String name() {
        return NAME;
    }

    @Override public int minOrigin() {
        return season - 1;
    }

    @Override public Predictor bind(TimeSeries s) {
        return (origin, out) -> {
            for (int h = 1; h <= out.length; h++)
                out[h - 1] = s.value(Seasons.sameTimeLastSeason(origin, h, season));
        };
    }
}
