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

import java.util.Map;

import org.apache.ignite.ml.IgniteModel;
import org.apache.ignite.ml.math.primitives.vector.Vector;
import org.apache.ignite.ml.trainers.DatasetTrainer;

/**
 * Where an Ignite ML trainer reads its rows from: a local map (offline evaluation, tests) or an Ignite cache (the
 * cluster trains where the data lives). The learned models do not care which.
 */
public interface TrainingBackend {
    /**
     * Trains on {@code rows}: each value is the feature vector followed by the label in its last slot.
     *
     * @param trainer Ignite ML trainer.
     * @param rows Rows keyed by any distinct integer.
     * @return The trained model.
     */
    <M extends IgniteModel<Vector, Double>> M fit(DatasetTrainer<M, Double> trainer, Map<Integer, double[]> rows);
}
