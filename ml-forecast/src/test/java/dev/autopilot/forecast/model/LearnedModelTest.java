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

import java.util.Set;

import dev.autopilot.forecast.Synthetic;
import dev.autopilot.forecast.series.TimeSeries;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnedModelTest {
    private static final BoostingSettings SMALL_BOOST = new BoostingSettings(30, 3, 0.3);
    private static final LocalTrainingBackend LOCAL = new LocalTrainingBackend(1);

    private static double mae(ForecastModel m, TimeSeries s, int from, int to, int horizons) {
        Predictor p = m.bind(s);
        double[] out = new double[horizons];
        double sum = 0;
        int n = 0;
        for (int t = from; t < to - horizons; t++) {
            p.forecast(t, out);
            for (int h = 1; h <= horizons; h++) {
                sum += Math.abs(s.value(t + h) - out[h - 1]);
                n++;
            }
        }
        return sum / n;
    }

    private static LearnedModel train(Regressor r, TimeSeries s, int fitEnd, int season, int horizons) {
        return new LearnedModelTrainer(r, SMALL_BOOST, 800, LOCAL).train(s, fitEnd, season, horizons);
    }

    @Test
    void linearRegressionForecastsAPureCycle() {
        TimeSeries s = Synthetic.sine(900, 50, 100, 30);
        LearnedModel m = train(Regressor.LINEAR, s, 700, 50, 4);
        assertEquals("linear", m.name());
        assertTrue(mae(m, s, 700, 900, 4) < 0.3, "MAE " + mae(m, s, 700, 900, 4));
    }

    @Test
    void linearRegressionFollowsATrend() {
        TimeSeries s = Synthetic.seasonalTrend(900, 24, 100, 0.5, 10);
        LearnedModel m = train(Regressor.LINEAR, s, 700, 24, 3);
        double mae = mae(m, s, 700, 900, 3);
        assertTrue(mae < 1.0, "MAE " + mae + " on a level of about 450");
    }

    @Test
    void linearRegressionSettlesAfterAStep() {
        double[] v = new double[288 * 4];
        for (int t = 0; t < v.length; t++)
            v[t] = t < 400 ? 10 : 50;
        TimeSeries s = TimeSeries.of(0, 300_000L, v);
        LearnedModel m = train(Regressor.LINEAR, s, 288 * 3, 288, 3);
        double[] out = new double[3];
        m.bind(s).forecast(288 * 4 - 10, out);
        for (double f : out)
            assertEquals(50, f, 0.5);
    }

    @Test
    void boostedTreesForecastAPureCycleBetterThanLastValue() {
        TimeSeries s = Synthetic.sine(900, 50, 100, 30);
        LearnedModel m = train(Regressor.BOOSTED_TREES, s, 700, 50, 3);
        double trees = mae(m, s, 700, 900, 3);
        double naive = mae(new LastValueModel(), s, 700, 900, 3);
        assertTrue(trees < naive / 3, "trees " + trees + " vs last value " + naive);
    }

    @Test
    void tooShortATrainingPartGivesNoModel() {
        TimeSeries s = Synthetic.sine(200, 50, 100, 30);
        assertNull(train(Regressor.LINEAR, s, 60, 50, 3));
        assertNotNull(train(Regressor.LINEAR, s, 200, 50, 3));
    }

    @Test
    void regressorsHaveDistinctNames() {
        assertEquals(2, Set.of(Regressor.LINEAR.modelName(), Regressor.BOOSTED_TREES.modelName()).size());
    }
}
