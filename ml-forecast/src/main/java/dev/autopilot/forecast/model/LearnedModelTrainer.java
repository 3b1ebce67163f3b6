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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.autopilot.forecast.series.TimeSeries;
import org.apache.ignite.ml.IgniteModel;
import org.apache.ignite.ml.math.primitives.vector.Vector;
import org.apache.ignite.ml.trainers.DatasetTrainer;

/**
 * Builds the training rows of {@link LagFeatures} from a series and trains one Ignite ML model per horizon.
 *
 * <p>Rows are capped per horizon (every k-th origin is used beyond the cap) to bound training time on long series;
 * targets that were filled in rather than observed are skipped.
 */
public final class LearnedModelTrainer {
    private final Regressor regressor;
    private final BoostingSettings boosting;
    private final int maxRows;
    private final TrainingBackend backend;

    /**
     * @param regressor Which Ignite ML regressor.
     * @param boosting Ensemble size for boosted trees.
     * @param maxRows Maximum training rows per horizon, at least 10.
     * @param backend Where training runs.
     */
    public LearnedModelTrainer(Regressor regressor, BoostingSettings boosting, int maxRows, TrainingBackend backend) {
        if (maxRows < 10)
            throw new IllegalArgumentException("maxRows must be at least 10: " + maxRows);
        this.regressor = regressor;
        this.boosting = boosting;
        this.maxRows = maxRows;
        this.backend = backend;
    }

    /**
     * @param s Series.
     * @param fitEnd Only windows {@code [0, fitEnd)} are read.
     * @param season Season length in windows.
     * @param horizons Number of horizons to train.
     * @return The model, or {@code null} if there are fewer than 10 usable rows for some horizon.
     */
    public LearnedModel train(TimeSeries s, int fitEnd, int season, int horizons) {
        LagFeatures features = new LagFeatures(season, s.stepMillis(), fitEnd);
        LagFeatures.Bound bound = features.bind(s);
        List<IgniteModel<Vector, Double>> models = new ArrayList<>(horizons);
        for (int h = 1; h <= horizons; h++) {
            Map<Integer, double[]> rows = rows(bound, features, s, fitEnd, h);
            if (rows.size() < 10)
                return null;
            models.add(TreeRepair.fillEmptyBranches(fit(regressor.trainer(boosting, rows.size()), rows)));
        }
        return new LearnedModel(regressor.modelName(), features, models);
    }

    private Map<Integer, double[]> rows(LagFeatures.Bound bound, LagFeatures features, TimeSeries s, int fitEnd, int h) {
        int first = features.minOrigin();
        int last = fitEnd - 1 - h;
        int available = Math.max(0, last - first + 1);
        int stride = Math.max(1, (available + maxRows - 1) / maxRows);
        Map<Integer, double[]> rows = new HashMap<>();
        for (int t = last; t >= first; t -= stride) {
            if (!s.observed(t + h))
                continue;
            double[] row = new double[features.dimension() + 1];
            bound.features(t, h, row);
            row[features.dimension()] = bound.target(t, h);
            rows.put(t, row);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private IgniteModel<Vector, Double> fit(DatasetTrainer<? extends IgniteModel<Vector, Double>, Double> trainer, Map<Integer, double[]> rows) {
        return backend.fit((DatasetTrainer<IgniteModel<Vector, Double>, Double>)trainer, rows);
    }
}
