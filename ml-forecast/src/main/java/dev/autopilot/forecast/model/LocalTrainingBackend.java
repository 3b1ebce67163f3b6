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
import org.apache.ignite.ml.dataset.feature.extractor.Vectorizer;
import org.apache.ignite.ml.dataset.feature.extractor.impl.DoubleArrayVectorizer;
import org.apache.ignite.ml.dataset.impl.local.LocalDatasetBuilder;
import org.apache.ignite.ml.math.primitives.vector.Vector;
import org.apache.ignite.ml.trainers.DatasetTrainer;

/** Trains in this JVM from a map, through Ignite ML's {@link LocalDatasetBuilder}: no cluster needed. */
public final class LocalTrainingBackend implements TrainingBackend {
    private final int partitions;

    /** @param partitions Dataset partitions Ignite ML splits the rows into, at least 1. */
    public LocalTrainingBackend(int partitions) {
        if (partitions < 1)
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        this.partitions = partitions;
    }

    @Override public <M extends IgniteModel<Vector, Double>> M fit(DatasetTrainer<M, Double> trainer, Map<Integer, double[]> rows) {
        Vectorizer<Integer, double[], Integer, Double> vectorizer =
            new DoubleArrayVectorizer<Integer>().labeled(Vectorizer.LabelCoordinate.LAST);
        return trainer.fit(new LocalDatasetBuilder<>(rows, partitions), vectorizer);
    }
}
