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

package dev.autopilot.forecast;

import java.util.Random;

import dev.autopilot.forecast.series.TimeSeries;

/** Series with known answers for the model tests. */
public final class Synthetic {
    /** One minute. */
    public static final long MINUTE = 60_000L;

    private Synthetic() {
    }

    /** {@code level + amplitude * sin(2 pi t / period)}, one window per minute from the epoch. */
    public static TimeSeries sine(int n, int period, double level, double amplitude) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++)
            v[t] = level + amplitude * Math.sin(2 * Math.PI * t / period);
        return TimeSeries.of(0, MINUTE, v);
    }

    /** {@code low} before window {@code at}, {@code high} from it on. */
    public static TimeSeries step(int n, int at, double low, double high) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++)
            v[t] = t < at ? low : high;
        return TimeSeries.of(0, MINUTE, v);
    }

    /** {@code start + slope * t}. */
    public static TimeSeries trend(int n, double start, double slope) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++)
            v[t] = start + slope * t;
        return TimeSeries.of(0, MINUTE, v);
    }

    /** A sine plus a trend: a seasonal series whose level moves. */
    public static TimeSeries seasonalTrend(int n, int period, double start, double slope, double amplitude) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++)
            v[t] = start + slope * t + amplitude * Math.sin(2 * Math.PI * t / period);
        return TimeSeries.of(0, MINUTE, v);
    }

    /** A sine with Gaussian noise of standard deviation {@code noise} (seeded, so reproducible), clipped at zero. */
    public static TimeSeries noisySine(int n, int period, double level, double amplitude, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[n];
        for (int t = 0; t < n; t++)
            v[t] = Math.max(0, level + amplitude * Math.sin(2 * Math.PI * t / period) + noise * rnd.nextGaussian());
        return TimeSeries.of(0, MINUTE, v);
    }
}
