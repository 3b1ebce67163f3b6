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

import dev.autopilot.forecast.model.BoostingSettings;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import dev.autopilot.forecast.model.SeasonalNaiveModel;
import dev.autopilot.forecast.series.TimeSeries;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecasterTest {
    private static final ForecastSettings SETTINGS = ForecastSettings.builder().horizon(6)
        .boosting(new BoostingSettings(20, 3, 0.3)).maxTrainingRows(500).build();

    private static Forecaster train(TimeSeries s, int trainEnd, ForecastSettings settings) {
        return Forecaster.train(s, trainEnd, settings, new LocalTrainingBackend(1));
    }

    @Test
    void everyHorizonGetsAModelNoWorseThanTheBaselinesOnValidation() {
        TimeSeries s = Synthetic.noisySine(1200, 60, 100, 40, 8, 11);
        Forecaster f = train(s, 1000, SETTINGS);
        assertEquals(60, f.season());
        assertTrue(f.notes().isEmpty(), f.notes().toString());
        for (int h = 1; h <= 6; h++) {
            int chosen = f.candidates().indexOf(f.chosen(h));
            for (int c = 0; c < f.candidates().size(); c++)
                assertTrue(f.validationMae(chosen, h) <= f.validationMae(c, h), "h=" + h + " candidate " + f.candidates().get(c).name());
        }
        assertTrue(f.candidates().stream().anyMatch(m -> m.name().equals("boosted-trees")));
        assertTrue(f.candidates().stream().anyMatch(m -> m.name().equals("linear")));
        assertTrue(f.candidates().stream().anyMatch(m -> m.name().equals("holt-winters")));
    }

    @Test
    void intervalsCoverAboutTheNominalShareOfHeldOutWindows() {
        TimeSeries s = Synthetic.noisySine(2000, 60, 100, 40, 8, 5);
        Forecaster f = train(s, 1400, SETTINGS);
        Forecaster.Bound b = f.bind(s);
        int inside = 0;
        int total = 0;
        for (int t = 1399; t < 2000 - 6; t++) {
            Forecast fc = b.forecast(t);
            for (int h = 1; h <= 6; h++) {
                double actual = s.value(t + h);
                assertTrue(fc.lower(h) <= fc.predicted(h) && fc.predicted(h) <= fc.upper(h));
                if (fc.lower(h) <= actual && actual <= fc.upper(h))
                    inside++;
                total++;
            }
        }
        double coverage = inside / (double)total;
        assertTrue(coverage > 0.84 && coverage < 0.96, "coverage " + coverage);
    }

    @Test
    void aSeriesShorterThanTwoSeasonsFallsBackToBaselinesWithAReason() {
        TimeSeries s = Synthetic.sine(150, 60, 100, 40);
        Forecaster f = train(s, 150, SETTINGS);
        assertEquals(60, f.season());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("two seasons")), f.notes().toString());
        assertEquals(2, f.candidates().size());
        Forecast fc = f.forecast(s);
        assertEquals(SeasonalNaiveModel.NAME, fc.model(1));
        assertEquals(s.value(150 - 60), fc.predicted(1), 1e-9);
    }

    @Test
    void aSeriesWithoutSeasonUsesLastValue() {
        TimeSeries s = Synthetic.trend(40, 5, 1);
        Forecaster f = train(s, 40, SETTINGS);
        assertEquals(0, f.season());
        assertFalse(f.notes().isEmpty());
        assertEquals(44, f.forecast(s).predicted(3), 1e-9);
    }

    @Test
    void aSingleWindowStillForecastsWithAnUnboundedInterval() {
        TimeSeries s = TimeSeries.of(0, Synthetic.MINUTE, 7);
        Forecaster f = train(s, 1, SETTINGS);
        Forecast fc = f.forecast(s);
        assertEquals(7, fc.predicted(1));
        assertEquals(0, fc.lower(1));
        assertEquals(Double.POSITIVE_INFINITY, fc.upper(1));
    }

    @Test
    void aSilentPartitionForecastsZero() {
        TimeSeries s = TimeSeries.of(0, Synthetic.MINUTE, new double[500]);
        Forecast fc = train(s, 500, SETTINGS).forecast(s);
        for (int h = 1; h <= 6; h++) {
            assertEquals(0, fc.predicted(h), 1e-9);
            assertEquals(0, fc.upper(h), 1e-9);
        }
    }

    @Test
    void spikeSignalGivesTheFirstHorizonAboveTheThreshold() {
        TimeSeries s = Synthetic.sine(400, 50, 100, 30);
        ForecastSettings withThreshold = SETTINGS.toBuilder().spikeThreshold(112).build();
        Forecaster f = train(s, 400, withThreshold);
        int origin = 399;
        Forecast fc = f.bind(s).forecast(origin);
        int expected = 0;
        for (int h = 1; h <= 6 && expected == 0; h++) {
            if (100 + 30 * Math.sin(2 * Math.PI * (origin + h) / 50) >= 112)
                expected = h;
        }
        assertTrue(expected > 0, "test series must cross the threshold within the horizon");
        Spike spike = fc.spike().orElseThrow();
        assertEquals(expected, spike.horizon());
        assertEquals(expected * Synthetic.MINUTE, spike.leadMillis());
        assertTrue(fc.spikeRisk().orElseThrow().horizon() <= expected);
        assertTrue(train(s, 400, SETTINGS).forecast(s).spike().isEmpty());
    }

    @Test
    void refusesAHistoryTooShortForTheChosenModels() {
        TimeSeries s = Synthetic.sine(400, 50, 100, 30);
        Forecaster f = train(s, 400, SETTINGS);
        assertThrows(IllegalArgumentException.class, () -> f.forecast(s.head(f.minHistory() - 1)));
    }

    @Test
    void settingsRejectBadValuesByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForecastSettings.builder().coverage(1.5));
        assertTrue(e.getMessage().contains("coverage"));
        assertThrows(IllegalArgumentException.class, () -> ForecastSettings.builder().horizon(0));
        assertThrows(IllegalArgumentException.class, () -> new BoostingSettings(0, 3, 0.1));
    }
}
