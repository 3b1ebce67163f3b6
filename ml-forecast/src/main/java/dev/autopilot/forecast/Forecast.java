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

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The load forecast of one series for horizons 1..H, each with a prediction interval: the object the balancer reads.
 * Immutable.
 */
public final class Forecast {
    private final long firstWindowMillis;
    private final long windowMillis;
    private final double[] predicted;
    private final double[] lower;
    private final double[] upper;
    private final String[] models;
    private final double spikeThreshold;

    Forecast(long firstWindowMillis, long windowMillis, double[] predicted, double[] lower, double[] upper, String[] models,
        double spikeThreshold) {
        this.firstWindowMillis = firstWindowMillis;
        this.windowMillis = windowMillis;
        this.predicted = predicted;
        this.lower = lower;
        this.upper = upper;
        this.models = models;
        this.spikeThreshold = spikeThreshold;
    }

    /** Number of horizons. */
    public int horizons() {
        return predicted.length;
    }

    /** Point forecast for horizon {@code h} (1-based). */
    public double predicted(int h) {
        return predicted[check(h)];
    }

    /** Lower bound of the prediction interval for horizon {@code h}. */
    public double lower(int h) {
        return lower[check(h)];
    }

    /** Upper bound of the prediction interval for horizon {@code h}; infinite when no residuals were available. */
    public double upper(int h) {
        return upper[check(h)];
    }

    /** The model used at horizon {@code h}. */
    public String model(int h) {
        return models[check(h)];
    }

    /** The models used, distinct, in horizon order, joined by {@code ", "}. */
    public String model() {
        return Arrays.stream(models).distinct().collect(Collectors.joining(", "));
    }

    /** Start time of the window forecast at horizon {@code h}. */
    public long windowStartMillis(int h) {
        check(h);
        return firstWindowMillis + (h - 1) * windowMillis;
    }

    /** The first horizon whose point forecast reaches the configured threshold, if any. */
    public Optional<Spike> spike() {
        return firstReaching(predicted);
    }

    /** The first horizon whose upper bound reaches the threshold: an earlier, less certain warning. */
    public Optional<Spike> spikeRisk() {
        return firstReaching(upper);
    }

    private Optional<Spike> firstReaching(double[] vals) {
        for (int i = 0; i < vals.length; i++) {
            if (vals[i] >= spikeThreshold)
                return Optional.of(new Spike(i + 1, (i + 1) * windowMillis, vals[i], spikeThreshold));
        }
        return Optional.empty();
    }

    private int check(int h) {
        if (h < 1 || h > predicted.length)
            throw new IllegalArgumentException("horizon must be in [1, " + predicted.length + "]: " + h);
        return h - 1;
    }
}
