package dev.autopilot.forecast.model;

/**
 * Size of the boosted-trees ensemble: more trees fit better and train slower.
 *
 * @param iterations Number of trees, at least 1.
 * @param maxDepth Depth of each tree, at least 1.
 * @param stepSize Learning rate in (0, 1].
 */
public record BoostingSettings(int iterations, int maxDepth, double stepSize) {
    public BoostingSettings {
        if (iterations < 1)
            throw new IllegalArgumentException("boosting iterations must be at least 1: " + iterations);
        if (maxDepth < 1)
            throw new IllegalArgumentException("boosting maxDepth must be at least 1: " + maxDepth);
        if (!(stepSize > 0 && stepSize <= 1))
            throw new IllegalArgumentException("boosting stepSize must be in (0, 1]: " + stepSize);
    }
}
