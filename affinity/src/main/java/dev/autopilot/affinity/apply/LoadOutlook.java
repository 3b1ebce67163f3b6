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

package dev.autopilot.affinity.apply;

import dev.autopilot.forecast.Forecast;

/**
 * The load predicted for the next windows of a cache (or cluster), the input of a {@link ScaleDecider}: a plain copy
 * of a forecast's point predictions, so decisions can be tested without training a model.
 *
 * @param firstWindowMillis start of the first window forecast (horizon 1), epoch millis
 * @param windowMillis window length
 * @param predicted point forecast per window, horizon 1 first
 */
public record LoadOutlook(long firstWindowMillis, long windowMillis, double[] predicted) {
    public LoadOutlook {
        if (windowMillis <= 0)
            throw new IllegalArgumentException("windowMillis must be positive: " + windowMillis);
        if (predicted.length == 0)
            throw new IllegalArgumentException("predicted names no window");
        predicted = predicted.clone();
    }

    /**
     * @param f a forecast
     * @param firstWindowMillis when its first window starts on the clock decisions run on (a replay may run a
     *     compressed clock: windows of seconds standing for windows of minutes)
     * @param windowMillis window length on that clock
     * @param scale factor from the forecast's units to the outlook's (e.g. from trace units to operations per second)
     * @return the point predictions of {@code f}, scaled
     */
    public static LoadOutlook of(Forecast f, long firstWindowMillis, long windowMillis, double scale) {
        double[] p = new double[f.horizons()];
        for (int h = 1; h <= p.length; h++)
            p[h - 1] = f.predicted(h) * scale;
        return new LoadOutlook(firstWindowMillis, windowMillis, p);
    }

    /** @return the start of window {@code i} (0 = horizon 1) */
    public long windowStart(int i) {
        return firstWindowMillis + i * windowMillis;
    }

    /** @return the highest prediction over the whole horizon */
    public double peak() {
        double max = 0;
        for (double v : predicted)
            max = Math.max(max, v);
        return max;
    }
}
