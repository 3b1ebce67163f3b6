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
 * The feature vector the learned models see for origin {@code t} and horizon {@code h}.
 *
 * <p>Values are taken as {@code log(1 + load)}, so that a burst does not dominate the squared-error fit and the
 * model predicts something close to the median (what MAE rewards). Everything is expressed relative to the current
 * level (mean of the last three windows), and so is the target: the models learn how the load will move, not its
 * absolute size, which lets one model serve both quiet and busy stretches. Features: the last 12 windows, the same
 * window one season ago (alone, smoothed, and shifted by how much the recent windows differ from a season ago), the
 * same window one day ago when the season is longer than a day, the mean over the last season and over the last 48
 * windows, and the time of day and of week of the target window. A calendar feature is only used when the training
 * windows span two of its cycles: over a shorter span it grows almost monotonically with time and lets the model
 * explain a one-off level shift as a time effect (those columns are then zero).
 */
public final class LagFeatures {
    static final int LAGS = 12;
    private static final int LEVEL = 3;
    private static final int LONG = 48;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long WEEK_MILLIS = 7 * DAY_MILLIS;

    private final int season;
    private final int day;
    private final boolean timeOfDay;
    private final boolean timeOfWeek;

    /**
     * @param season Season length in windows, at least 2.
     * @param stepMillis Window length (sets the daily lag and the calendar features).
     * @param trainingWindows Number of windows the models are trained on (enables the calendar features).
     */
    public LagFeatures(int season, long stepMillis, int trainingWindows) {
        if (season < 2)
            throw new IllegalArgumentException("season must be at least 2: " + season);
        this.season = season;
        int d = (int)(DAY_MILLIS / stepMillis);
        this.day = d >= 2 && d < season && DAY_MILLIS % stepMillis == 0 ? d : 0;
        long span = trainingWindows * stepMillis;
        this.timeOfDay = span >= 2 * DAY_MILLIS;
        this.timeOfWeek = span >= 2 * WEEK_MILLIS;
    }

    /** Number of features. */
    public int dimension() {
        return LAGS + 10;
    }

    /** The first origin for which every feature is defined. */
    public int minOrigin() {
        return Math.max(LONG - 1, season + LEVEL - 1);
    }

    /** Precomputes the transformed series and its prefix sums (so means over a season cost O(1)). */
    Bound bind(TimeSeries s) {
        return new Bound(s);
    }

    static double toModelScale(double load) {
        return Math.log1p(load);
    }

    static double fromModelScale(double z) {
        return Math.max(0, Math.expm1(z));
    }

    /** Features over one series. */
    final class Bound {
        private final TimeSeries series;
        private final double[] z;
        private final double[] prefix;

        private Bound(TimeSeries s) {
            series = s;
            z = new double[s.size()];
            prefix = new double[s.size() + 1];
            for (int i = 0; i < z.length; i++) {
                z[i] = toModelScale(s.value(i));
                prefix[i + 1] = prefix[i] + z[i];
            }
        }

        /** The current level in model scale: the reference point of features and target. */
        double level(int t) {
            return mean(t - LEVEL + 1, t);
        }

        /** Target for training: the window {@code t+h} relative to the level at {@code t}. */
        double target(int t, int h) {
            return z[t + h] - level(t);
        }

        /** Fills {@code out} (length {@link #dimension()}) with the features for origin {@code t}, horizon {@code h}. */
        void features(int t, int h, double[] out) {
            double lvl = level(t);
            int i = 0;
            for (int k = 0; k < LAGS; k++)
                out[i++] = z[t - k] - lvl;
            int same = Seasons.sameTimeLastSeason(t, h, season);
            out[i++] = z[same] - lvl;
            out[i++] = mean(Math.max(0, same - 1), Math.min(t, same + 1)) - lvl;
            double drift = 0;
            for (int k = 0; k < LEVEL; k++)
                drift += (z[t - k] - z[t - k - season]) / LEVEL;
            out[i++] = z[same] + drift - lvl;
            out[i++] = day > 0 ? z[Seasons.sameTimeLastSeason(t, h, day)] - lvl : out[LAGS];
            out[i++] = mean(t - season + 1, t) - lvl;
            out[i++] = mean(t - LONG + 1, t) - lvl;
            long target = series.timeOf(t + h);
            double dayPhase = 2 * Math.PI * Math.floorMod(target, DAY_MILLIS) / DAY_MILLIS;
            double weekPhase = 2 * Math.PI * Math.floorMod(target, WEEK_MILLIS) / WEEK_MILLIS;
            out[i++] = timeOfDay ? Math.sin(dayPhase) : 0;
            out[i++] = timeOfDay ? Math.cos(dayPhase) : 0;
            out[i++] = timeOfWeek ? Math.sin(weekPhase) : 0;
            out[i] = timeOfWeek ? Math.cos(weekPhase) : 0;
        }

        private double mean(int from, int to) {
            return (prefix[to + 1] - prefix[from]) / (to - from + 1);
        }
    }
}
