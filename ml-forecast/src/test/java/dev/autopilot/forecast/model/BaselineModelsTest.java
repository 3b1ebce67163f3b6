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

import java.util.List;

import dev.autopilot.forecast.Synthetic;
import dev.autopilot.forecast.series.TimeSeries;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BaselineModelsTest {
    @Test
    void lastValueRepeatsTheLastWindowAfterAStep() {
        TimeSeries s = Synthetic.step(100, 60, 10, 40);
        double[] out = new double[5];
        new LastValueModel().bind(s).forecast(70, out);
        assertArrayEquals(new double[] {40, 40, 40, 40, 40}, out);
        new LastValueModel().bind(s).forecast(59, out);
        assertArrayEquals(new double[] {10, 10, 10, 10, 10}, out);
    }

    @Test
    void seasonalNaiveIsExactOnAPureCycle() {
        TimeSeries s = Synthetic.sine(400, 50, 100, 30);
        double[] out = new double[60];
        new SeasonalNaiveModel(50).bind(s).forecast(200, out);
        for (int h = 1; h <= 60; h++)
            assertEquals(s.value(200 + h), out[h - 1], 1e-9, "h=" + h);
    }

    @Test
    void seasonalNaiveReadsOnlyThePast() {
        TimeSeries s = Synthetic.trend(100, 0, 1);
        double[] out = new double[3];
        new SeasonalNaiveModel(2).bind(s).forecast(10, out);
        assertArrayEquals(new double[] {9, 10, 9}, out);
    }

    @Test
    void blendAveragesItsMembers() {
        TimeSeries s = Synthetic.trend(100, 0, 1);
        BlendModel blend = new BlendModel(List.of(new LastValueModel(), new SeasonalNaiveModel(10)));
        double[] out = new double[2];
        blend.bind(s).forecast(50, out);
        assertArrayEquals(new double[] {(50 + 41) / 2.0, (50 + 42) / 2.0}, out, 1e-9);
        assertEquals("last-value+seasonal-naive", blend.name());
        assertThrows(IllegalArgumentException.class, () -> new BlendModel(List.of(new LastValueModel())));
    }
}
