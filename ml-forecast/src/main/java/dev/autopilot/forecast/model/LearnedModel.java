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

import java.util.List;

import dev.autopilot.forecast.series.TimeSeries;
import org.apache.ignite.ml.IgniteModel;
import org.apache.ignite.ml.math.primitives.vector.Vector;
import org.apache.ignite.ml.math.primitives.vector.impl.DenseVector;

/**
 * An Ignite ML regressor per horizon over {@link LagFeatures} (direct multi-step forecasting: each horizon has its
 * own model, so errors do not compound through recursion).
 */
public final class LearnedModel implements ForecastModel {
    private final String name;
    private final LagFeatures features;
    private final List<IgniteModel<Vector, Double>> perHorizon;

    /**
     * @param name Model name.
     * @param features Feature definition the models were trained on.
     * @param perHorizon Model for horizon {@code h} at index {@code h-1}.
     */
    public LearnedModel(String name, LagFeatures features, List<IgniteModel<Vector, Double>> perHorizon) {
        this.name = name;
        this.features = features;
        this.perHorizon = List.copyOf(perHorizon);
    }

    @Override public String name() {
        return name;
    }

    @Override public int minOrigin() {
        return features.minOrigin();
    }

    @Override public Predictor bind(TimeSeries s) {
        LagFeatures.Bound bound = features.bind(s);
        double[] x = new double[features.dimension()];
        return (origin, out) -> {
            if (out.length > perHorizon.size())
                throw new IllegalArgumentException("model " + name + " was trained for " + perHorizon.size() + " horizons, asked for " + out.length);
            double lvl = bound.level(origin);
            for (int h = 1; h <= out.length; h++) {
                bound.features(origin, h, x);
                out[h - 1] = LagFeatures.fromModelScale(lvl + perHorizon.get(h - 1).predict(new DenseVector(x)));
            }
        };
    }
}
