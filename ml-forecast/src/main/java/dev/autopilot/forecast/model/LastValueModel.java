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
