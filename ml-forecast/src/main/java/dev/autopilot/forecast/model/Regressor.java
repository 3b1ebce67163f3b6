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

import org.apache.ignite.ml.IgniteModel;
import org.apache.ignite.ml.composition.boosting.convergence.simple.ConvergenceCheckerStubFactory;
import org.apache.ignite.ml.math.primitives.vector.Vector;
import org.apache.ignite.ml.regressions.linear.LinearRegressionLSQRTrainer;
import org.apache.ignite.ml.trainers.DatasetTrainer;
import org.apache.ignite.ml.tree.boosting.GDBRegressionOnTreesTrainer;

/** The Ignite ML regressors the forecaster can learn with. */
public enum Regressor {
    /** Least squares (LSQR): cheap, extrapolates, and already strong on lag features. */
    LINEAR("linear") {
        @Override DatasetTrainer<? extends IgniteModel<Vector, Double>, Double> trainer(BoostingSettings boosting, int rows) {
            return new LinearRegressionLSQRTrainer();
        }
    },
    /**
     * Gradient-boosted regression trees: catch non-linear effects (time of day, bursts) a line cannot.
     *
     * <p>Ignite ML's squared-error gradient is divided by the number of rows, so each tree fits {@code 2/rows} of the
     * residual and the default convergence check (mean absolute gradient below 0.001) stops boosting before the first
     * tree once there are more than a few thousand rows. The step size is therefore scaled by {@code rows/2} and the
     * check is switched off: every configured tree is built, each with the configured learning rate.
     */
    BOOSTED_TREES("boosted-trees") {
        @Override DatasetTrainer<? extends IgniteModel<Vector, Double>, Double> trainer(BoostingSettings boosting, int rows) {
            return new GDBRegressionOnTreesTrainer(boosting.stepSize() * rows / 2.0, boosting.iterations(), boosting.maxDepth(), 0.0)
                .withCheckConvergenceStgyFactory(new ConvergenceCheckerStubFactory());
        }
    };

    private final String modelName;

    Regressor(String modelName) {
        this.modelName = modelName;
    }

    /** The name models trained by this regressor report. */
    public String modelName() {
        return modelName;
    }

    /**
     * @param boosting Ensemble size (boosted trees only).
     * @param rows Number of training rows.
     */
    abstract DatasetTrainer<? extends IgniteModel<Vector, Double>, Double> trainer(BoostingSettings boosting, int rows);
}
