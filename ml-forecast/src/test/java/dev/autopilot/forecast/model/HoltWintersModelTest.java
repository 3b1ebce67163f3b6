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

import dev.autopilot.forecast.Synthetic;
import dev.autopilot.forecast.series.TimeSeries;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HoltWintersModelTest {
    @Test
    void forecastsAPureCycleExactly() {
        TimeSeries s = Synthetic.sine(500, 50, 100, 30);
        HoltWintersModel hw = HoltWintersModel.fit(s, 400, 50);
        double[] out = new double[24];
        hw.bind(s).forecast(420, out);
        for (int h = 1; h <= 24; h++)
            assertEquals(s.value(420 + h), out[h - 1], 0.01, "h=" + h);
    }

    @Test
    void followsATrendUnderTheSeason() {
        TimeSeries s = Synthetic.seasonalTrend(600, 24, 100, 0.5, 20);
        HoltWintersModel hw = HoltWintersModel.fit(s, 500, 24);
        double[] out = new double[12];
        hw.bind(s).forecast(550, out);
        for (int h = 1; h <= 12; h++)
            assertEquals(s.value(550 + h), out[h - 1], 0.5, "h=" + h);
    }

    @Test
    void settlesOnTheNewLevelAfterAStep() {
        TimeSeries s = Synthetic.step(800, 400, 10, 50);
        HoltWintersModel hw = HoltWintersModel.fit(s, 700, 48);
        double[] out = new double[6];
        hw.bind(s).forecast(750, out);
        for (double v : out)
            assertEquals(50, v, 1);
    }

    @Test
    void fitsADailySeasonOfFiveMinuteWindows() {
        double[] v = new double[288 * 10];
        for (int t = 0; t < v.length; t++)
            v[t] = 200 + 80 * Math.sin(2 * Math.PI * t / 288) + (t % 7);
        TimeSeries s = TimeSeries.of(0, 300_000L, v);
        HoltWintersModel hw = HoltWintersModel.fit(s, v.length, 288);
        double[] out = new double[12];
        hw.bind(s).forecast(v.length - 13, out);
        for (int h = 1; h <= 12; h++)
            assertEquals(v[v.length - 13 + h], out[h - 1], 8, "h=" + h);
    }

    @Test
    void needsTwoSeasonsToFit() {
        TimeSeries s = Synthetic.sine(90, 50, 100, 30);
        assertThrows(IllegalArgumentException.class, () -> HoltWintersModel.fit(s, 90, 50));
        assertThrows(IllegalArgumentException.class, () -> new HoltWintersModel(50, 1.5, 0, 0));
    }
}
