/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
