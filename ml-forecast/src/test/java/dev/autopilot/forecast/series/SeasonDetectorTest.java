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

package dev.autopilot.forecast.series;

import java.util.Random;

import dev.autopilot.forecast.Synthetic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeasonDetectorTest {
    @Test
    void findsAnUncalendaredCycleByAutocorrelation() {
        TimeSeries s = Synthetic.sine(600, 50, 100, 30);
        assertEquals(50, SeasonDetector.detect(s, s.size()));
    }

    @Test
    void findsTheDailyCycleOfFiveMinuteWindows() {
        double[] v = new double[288 * 4];
        Random rnd = new Random(7);
        for (int t = 0; t < v.length; t++)
            v[t] = 100 + 50 * Math.sin(2 * Math.PI * t / 288) + 5 * rnd.nextGaussian();
        TimeSeries s = TimeSeries.of(0, 300_000L, v);
        assertEquals(288, SeasonDetector.detect(s, s.size()));
    }

    @Test
    void reportsNoSeasonWhenNoCycleFitsTwice() {
        double[] v = new double[400];
        Random rnd = new Random(3);
        for (int t = 0; t < v.length; t++)
            v[t] = 10 + rnd.nextDouble();
        assertEquals(0, SeasonDetector.detect(TimeSeries.of(0, 300_000L, v), v.length));
    }

    @Test
    void seasonalNaiveErrorOfAPureCycleIsZero() {
        TimeSeries s = Synthetic.sine(300, 50, 100, 30);
        assertEquals(0, SeasonDetector.seasonalNaiveMae(s, s.size(), 50), 1e-9);
    }
}
