package dev.autopilot.sql.stats;

import java.util.concurrent.ThreadLocalRandom;
import org.apache.ignite.lang.IgniteBiPredicate;

/**
 * Keeps each row with the same probability, on the node that owns it, so that a scan sends only the sample over the
 * network and the sample is uniform whatever the physical order of the rows.
 */
final class BernoulliSample implements IgniteBiPredicate<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final double probability;

    BernoulliSample(double probability) {
        this.probability = probability;
    }

    @Override public boolean apply(Object key, Object val) {
        return ThreadLocalRandom.current().nextDouble() < probability;
    }
}
