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
 * Additive Holt-Winters (level, trend, season), the classical seasonal forecaster and the baseline the learned
 * models must beat by a margin to be worth their cost.
 *
 * <p>Fitting picks the smoothing constants that minimise the one-step squared error on the training windows. One
 * pass of the filter is O(n) whatever the season length, so a 288- or 2016-window season costs the same as a short
 * one; a coarse grid followed by a pattern search needs about 150 passes.
 */
public final class HoltWintersModel implements ForecastModel {
    public static final String NAME = "holt-winters";

    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
    private static final double[] BETAS = {0, 0.005, 0.02};
    private static final double[] GAMMAS = {0.05, 0.1, 0.2, 0.4, 0.6, 0.8};

    private final int season;
    private final double alpha;
    private final double beta;
    private final double gamma;

    /**
     * @param season Season length in windows, at least 2.
     * @param alpha Level smoothing in [0, 1].
     * @param beta Trend smoothing in [0, 1].
     * @param gamma Season smoothing in [0, 1].
     */
    public HoltWintersModel(int season, double alpha, double beta, double gamma) {
        if (season < 2)
            throw new IllegalArgumentException("season must be at least 2: " + season);
        checkUnit("alpha", alpha);
        checkUnit("beta", beta);
        checkUnit("gamma", gamma);
        this.season = season;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
    }

    /**
     * Fits the smoothing constants on the first {@code n} windows.
     *
     * @param s Series.
     * @param n Training windows, at least two seasons.
     * @param season Season length in windows.
     */
    public static HoltWintersModel fit(TimeSeries s, int n, int season) {
        if (n < 2 * season)
            throw new IllegalArgumentException("Holt-Winters needs two seasons (" + 2 * season + " windows), got " + n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++)
            y[i] = s.value(i);
        double[] best = {ALPHAS[0], BETAS[0], GAMMAS[0]};
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    double sse = new Filter(y, season, a, b, g, false).sse;
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = new double[] {a, b, g};
                    }
                }
            }
        }
        double[] step = {0.05, 0.005, 0.05};
        for (int round = 0; round < 6; round++) {
            boolean improved = false;
            for (int p = 0; p < 3; p++) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    double[] cand = best.clone();
                    cand[p] = Math.min(1, Math.max(0, cand[p] + dir * step[p]));
                    double sse = new Filter(y, season, cand[0], cand[1], cand[2], false).sse;
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = cand;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                for (int p = 0; p < 3; p++)
                    step[p] /= 2;
            }
        }
        return new HoltWintersModel(season, best[0], best[1], best[2]);
    }

    @Override public String name() {
        return NAME;
    }

    @Override public int minOrigin() {
        return season - 1;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double gamma() {
        return gamma;
    }

    @Override public Predictor bind(TimeSeries s) {
        double[] y = s.values();
        Filter f = new Filter(y, season, alpha, beta, gamma, true);
        return (origin, out) -> {
            for (int h = 1; h <= out.length; h++)
                out[h - 1] = f.level[origin] + h * f.trend[origin] + f.seasonal[Seasons.sameTimeLastSeason(origin, h, season)];
        };
    }

    @Override public String toString() {
        return String.format("%s(m=%d, alpha=%.3f, beta=%.3f, gamma=%.3f)", NAME, season, alpha, beta, gamma);
    }

    private static void checkUnit(String name, double v) {
        if (!(v >= 0 && v <= 1))
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + v);
    }

    /** One pass of the additive recursions; keeps the states when asked (for forecasting), else only the error. */
    private static final class Filter {
        final double[] level;
        final double[] trend;
        final double[] seasonal;
        double sse;

        Filter(double[] y, int m, double a, double b, double g, boolean keep) {
            int n = y.length;
            seasonal = new double[Math.max(n, m)];
            level = keep ? new double[n] : null;
            trend = keep ? new double[n] : null;
            double l = mean(y, 0, Math.min(m, n));
            double t = n >= 2 * m ? (mean(y, m, 2 * m) - l) / m : 0;
            for (int i = 0; i < Math.min(m, n); i++)
                seasonal[i] = y[i] - l;
            if (keep && n >= m) {
                for (int i = 0; i < m; i++) {
                    level[i] = l;
                    trend[i] = t;
                }
            }
            for (int i = m; i < n; i++) {
                double sPrev = seasonal[i - m];
                double e = y[i] - (l + t + sPrev);
                sse += e * e;
                double lNew = a * (y[i] - sPrev) + (1 - a) * (l + t);
                t = b * (lNew - l) + (1 - b) * t;
                seasonal[i] = g * (y[i] - lNew) + (1 - g) * sPrev;
                l = lNew;
                if (keep) {
                    level[i] = l;
                    trend[i] = t;
                }
            }
        }

        private static double mean(double[] y, int from, int to) {
            double s = 0;
            for (int i = from; i < to; i++)
                s += y[i];
            return s / (to - from);
        }
    }
}
