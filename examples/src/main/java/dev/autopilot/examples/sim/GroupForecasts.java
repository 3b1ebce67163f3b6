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

package dev.autopilot.examples.sim;

import java.util.EnumSet;
import dev.autopilot.forecast.Forecast;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.Forecaster;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import dev.autopilot.forecast.model.Regressor;

/**
 * One ml-forecast forecaster per partition group, trained once on the training windows: forecasting every partition
 * every window would cost partitions times more for the same information, since a group's partitions share a shape.
 */
final class GroupForecasts {
    private final PartitionLoads loads;
    private final Forecaster.Bound[] bound;

    GroupForecasts(PartitionLoads loads, SimulationSettings s) {
        this.loads = loads;
        ForecastSettings fs = ForecastSettings.builder().horizon(s.horizon()).coverage(s.coverage())
            .regressors(EnumSet.of(Regressor.LINEAR)).build();
        bound = new Forecaster.Bound[loads.groupCount()];
        LocalTrainingBackend backend = new LocalTrainingBackend(1);
        for (int g = 0; g < bound.length; g++)
            bound[g] = Forecaster.train(loads.group(g), s.trainWindows(), fs, backend).bind(loads.group(g));
    }

    /** The forecast of group {@code g} for replayed windows {@code t, t+1, ...}, made when window {@code t-1} closed. */
    Forecast at(int g, int t) {
        return bound[g].forecast(loads.seriesIndex(t) - 1);
    }
}
