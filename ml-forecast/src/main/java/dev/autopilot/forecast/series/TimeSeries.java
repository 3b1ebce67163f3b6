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

import java.util.Arrays;

/**
 * A load series on a regular grid of windows: what every model reads.
 *
 * <p>Models need one value per window and an index-to-time mapping for calendar features; raw traces have gaps and
 * jitter, so they are turned into this form by {@link SeriesCleaner} first. Windows whose value was filled in (not
 * observed) are flagged so that errors are only measured on real observations. Immutable.
 */
public final class TimeSeries {
    private final long startMillis;
    private final long stepMillis;
    private final double[] values;
    private final boolean[] observed;

    /**
     * @param startMillis Start of window 0 (epoch millis).
     * @param stepMillis Window length in millis, positive.
     * @param values One finite, non-negative value per window (copied).
     * @param observed Whether each window was observed rather than filled in (copied), same length as values.
     */
    public TimeSeries(long startMillis, long stepMillis, double[] values, boolean[] observed) {
        if (stepMillis <= 0)
            throw new IllegalArgumentException("stepMillis must be positive: " + stepMillis);
        if (values.length != observed.length)
            throw new IllegalArgumentException("values and observed differ in length: " + values.length + " vs " + observed.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || values[i] < 0)
                throw new IllegalArgumentException("value at window " + i + " must be finite and non-negative: " + values[i]);
        }
        this.startMillis = startMillis;
        this.stepMillis = stepMillis;
        this.values = values.clone();
        this.observed = observed.clone();
    }

    /** A fully observed series. */
    public static TimeSeries of(long startMillis, long stepMillis, double... values) {
        boolean[] obs = new boolean[values.length];
        Arrays.fill(obs, true);
        return new TimeSeries(startMillis, stepMillis, values, obs);
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    public boolean observed(int i) {
        return observed[i];
    }

    public long startMillis() {
        return startMillis;
    }

    public long stepMillis() {
        return stepMillis;
    }

    /** Start time of window {@code i}; {@code i} may lie beyond the end (a forecast target). */
    public long timeOf(int i) {
        return startMillis + i * stepMillis;
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** The first {@code n} windows. */
    public TimeSeries head(int n) {
        return new TimeSeries(startMillis, stepMillis, Arrays.copyOf(values, n), Arrays.copyOf(observed, n));
    }
}
