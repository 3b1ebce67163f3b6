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

package dev.autopilot.forecast;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import dev.autopilot.forecast.model.BoostingSettings;
import dev.autopilot.forecast.model.Regressor;

/**
 * How forecasters are trained and what they report. Immutable; built with {@link #builder()}, which rejects bad
 * values naming the setting.
 */
public final class ForecastSettings {
    private final int horizon;
    private final double coverage;
    private final double validationFraction;
    private final double spikeThreshold;
    private final Set<Regressor> regressors;
    private final BoostingSettings boosting;
    private final int maxTrainingRows;

    private ForecastSettings(Builder b) {
        horizon = b.horizon;
        coverage = b.coverage;
        validationFraction = b.validationFraction;
        spikeThreshold = b.spikeThreshold;
        regressors = Collections.unmodifiableSet(EnumSet.copyOf(b.regressors));
        boosting = b.boosting;
        maxTrainingRows = b.maxTrainingRows;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with these settings. */
    public Builder toBuilder() {
        return new Builder().horizon(horizon).coverage(coverage).validationFraction(validationFraction)
            .spikeThreshold(spikeThreshold).regressors(regressors).boosting(boosting).maxTrainingRows(maxTrainingRows);
    }

    /** Number of windows forecast ahead. */
    public int horizon() {
        return horizon;
    }

    /** Nominal coverage of the prediction intervals, e.g. 0.9. */
    public double coverage() {
        return coverage;
    }

    /** Share of the training windows held out (at the end) to select models and size intervals. */
    public double validationFraction() {
        return validationFraction;
    }

    /** Load per window at which a spike is signalled; infinite means never. */
    public double spikeThreshold() {
        return spikeThreshold;
    }

    /** Learned regressors to try besides the baselines. */
    public Set<Regressor> regressors() {
        return regressors;
    }

    public BoostingSettings boosting() {
        return boosting;
    }

    /** Maximum training rows per horizon for a learned model. */
    public int maxTrainingRows() {
        return maxTrainingRows;
    }

    /** Builder with the defaults used by the evaluation. */
    public static final class Builder {
        private int horizon = 12;
        private double coverage = 0.9;
        private double validationFraction = 0.25;
        private double spikeThreshold = Double.POSITIVE_INFINITY;
        private Set<Regressor> regressors = EnumSet.allOf(Regressor.class);
        private BoostingSettings boosting = new BoostingSettings(60, 4, 0.2);
        private int maxTrainingRows = 3000;

        private Builder() {
        }

        public Builder horizon(int horizon) {
            if (horizon < 1 || horizon > 10_000)
                throw new IllegalArgumentException("horizon must be in [1, 10000]: " + horizon);
            this.horizon = horizon;
            return this;
        }

        public Builder coverage(double coverage) {
            if (!(coverage > 0 && coverage < 1))
                throw new IllegalArgumentException("coverage must be in (0, 1): " + coverage);
            this.coverage = coverage;
            return this;
        }

        public Builder validationFraction(double fraction) {
            if (!(fraction > 0 && fraction < 1))
                throw new IllegalArgumentException("validationFraction must be in (0, 1): " + fraction);
            this.validationFraction = fraction;
            return this;
        }

        public Builder spikeThreshold(double threshold) {
            if (Double.isNaN(threshold) || threshold < 0)
                throw new IllegalArgumentException("spikeThreshold must be non-negative: " + threshold);
            this.spikeThreshold = threshold;
            return this;
        }

        public Builder regressors(Set<Regressor> regressors) {
            this.regressors = EnumSet.noneOf(Regressor.class);
            this.regressors.addAll(regressors);
            return this;
        }

        public Builder boosting(BoostingSettings boosting) {
            this.boosting = boosting;
            return this;
        }

        public Builder maxTrainingRows(int rows) {
            if (rows < 10)
                throw new IllegalArgumentException("maxTrainingRows must be at least 10: " + rows);
            this.maxTrainingRows = rows;
            return this;
        }

        public ForecastSettings build() {
            return new ForecastSettings(this);
        }
    }
}
