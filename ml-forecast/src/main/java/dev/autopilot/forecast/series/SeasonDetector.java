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

package dev.autopilot.forecast.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the season length (in windows) of a load series from the data.
 *
 * <p>Candidates are the calendar cycles that load usually follows (day and week at the series' window length)
 * plus the most prominent peak of the autocorrelation function, so that a cycle nobody planned for (a batch job every
 * 50 minutes) is found too; a peak within 2% of a calendar cycle is taken as that cycle (noise shifts peaks by a window
 * or two). A candidate must fit twice into the series; among those, the one whose seasonal-naive
 * forecast errs least in-sample wins. Choosing the strongest seasonal-naive this way keeps the baseline that learned
 * models are compared with honest.
 */
public final class SeasonDetector {
    /** An autocorrelation peak must reach this value and rise this much above the dip before it to count. */
    private static final double MIN_PEAK = 0.3;
    private static final int MAX_ACF_LAG = 5000;
    private static final long[] CALENDAR_MILLIS = {86_400_000L, 7 * 86_400_000L};

    private SeasonDetector() {
    }

    /**
     * @param s Series (only its first {@code n} windows are read).
     * @param n Number of windows to use.
     * @return Season length in windows, or 0 if no candidate fits twice into {@code n} windows.
     */
    public static int detect(TimeSeries s, int n) {
        List<Integer> candidates = new ArrayList<>();
        for (long period : CALENDAR_MILLIS) {
            if (period / s.stepMillis() >= 2)
                candidates.add((int)Math.round(period / (double)s.stepMillis()));
        }
        int peak = acfPeak(s, n);
        if (peak > 0 && candidates.stream().noneMatch(c -> Math.abs(c - peak) <= Math.max(1, c / 50)))
            candidates.add(peak);
        int best = 0;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int m : candidates) {
            if (m < 2 || 2 * m > n)
                continue;
            double err = seasonalNaiveMae(s, n, m);
            if (err < bestErr) {
                bestErr = err;
                best = m;
            }
        }
        return best;
    }

    /** Mean absolute error of predicting each window by the one a season earlier, over windows {@code [m, n)}. */
    public static double seasonalNaiveMae(TimeSeries s, int n, int m) {
        double sum = 0;
        int cnt = 0;
        for (int i = m; i < n; i++) {
            sum += Math.abs(s.value(i) - s.value(i - m));
            cnt++;
        }
        return cnt == 0 ? Double.NaN : sum / cnt;
    }

    /** The lag of the highest prominent autocorrelation peak of the linearly detrended series, or 0. */
    static int acfPeak(TimeSeries s, int n) {
        double[] x = detrended(s, n);
        int maxLag = Math.min(n / 2, MAX_ACF_LAG);
        double var = 0;
        for (double v : x)
            var += v * v;
        if (var == 0 || maxLag < 3)
            return 0;
        double[] acf = new double[maxLag + 2];
        for (int lag = 1; lag <= maxLag + 1 && lag < n; lag++) {
            double c = 0;
            for (int i = lag; i < n; i++)
                c += x[i] * x[i - lag];
            acf[lag] = c / var;
        }
        int best = 0;
        double lowest = acf[1];
        for (int lag = 2; lag <= maxLag; lag++) {
            lowest = Math.min(lowest, acf[lag]);
            boolean isPeak = acf[lag] >= acf[lag - 1] && acf[lag] >= acf[lag + 1];
            if (isPeak && acf[lag] >= MIN_PEAK && acf[lag] - lowest >= MIN_PEAK && (best == 0 || acf[lag] > acf[best]))
                best = lag;
        }
        return best;
    }

    private static double[] detrended(TimeSeries s, int n) {
        double mt = (n - 1) / 2.0;
        double my = 0;
        for (int i = 0; i < n; i++)
            my += s.value(i);
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mt) * (s.value(i) - my);
            sxx += (i - mt) * (i - mt);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double[] x = new double[n];
        for (int i = 0; i < n; i++)
            x[i] = s.value(i) - my - slope * (i - mt);
        return x;
    }
}
