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
import java.util.UUID;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.ml.IgniteModel;
import org.apache.ignite.ml.dataset.feature.extractor.Vectorizer;
import org.apache.ignite.ml.dataset.feature.extractor.impl.DoubleArrayVectorizer;
import org.apache.ignite.ml.math.primitives.vector.Vector;
import org.apache.ignite.ml.trainers.DatasetTrainer;

/**
 * Trains on the cluster: rows are loaded into a temporary partitioned cache and Ignite ML computes on the nodes that
 * own them. The cache is destroyed afterwards, also when training fails.
 */
public final class CacheTrainingBackend implements TrainingBackend {
    private final Ignite ignite;
    private final int partitions;

    /**
     * @param ignite Node to train through (client or server).
     * @param partitions Partitions of the temporary training cache, at least 1.
     */
    public CacheTrainingBackend(Ignite ignite, int partitions) {
        if (partitions < 1)
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        this.ignite = ignite;
        this.partitions = partitions;
    }

    @Override public <M extends IgniteModel<Vector, Double>> M fit(DatasetTrainer<M, Double> trainer, Map<Integer, double[]> rows) {
        CacheConfiguration<Integer, double[]> cfg = new CacheConfiguration<Integer, double[]>("autopilot-forecast-train-" + UUID.randomUUID())
            .setAffinity(new RendezvousAffinityFunction(false, partitions));
        IgniteCache<Integer, double[]> cache = ignite.createCache(cfg);
        try {
            cache.putAll(rows);
            Vectorizer<Integer, double[], Integer, Double> vectorizer =
                new DoubleArrayVectorizer<Integer>().labeled(Vectorizer.LabelCoordinate.LAST);
            return trainer.fit(ignite, cache, vectorizer);
        }
        finally {
            cache.destroy();
        }
    }
}
