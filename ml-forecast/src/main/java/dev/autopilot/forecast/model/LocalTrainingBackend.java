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
