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

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.autopilot.forecast.model.BoostingSettings;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionForecastsTest {
    private static final long W = 60_000L;

    @Test
    void rowsCoverEveryTrainedPartitionAndHorizon() {
        AtomicLong now = new AtomicLong(0);
        LoadStore store = new LoadStore(now::get, W, 1000);
        for (int w = 0; w < 600; w++) {
            now.set(w * W);
            store.record(0, Math.round(100 + 40 * Math.sin(2 * Math.PI * w / 60)), 10);
            store.record(1, 20, 5);
        }
        now.set(600 * W);
        ForecastSettings settings = ForecastSettings.builder().horizon(4).boosting(new BoostingSettings(10, 2, 0.3))
            .maxTrainingRows(300).build();
        PartitionForecasts forecasts = new PartitionForecasts(store, settings, new LocalTrainingBackend(1));
        assertTrue(forecasts.rows().isEmpty());
        forecasts.retrain();
        List<ForecastRow> rows = forecasts.rows();
        assertEquals(8, rows.size());
        assertEquals(0, rows.get(0).partition());
        assertEquals(1, rows.get(0).horizon());
        assertEquals(600 * W, rows.get(0).windowStartMillis());
        assertEquals(1, rows.get(7).partition());
        assertEquals(4, rows.get(7).horizon());
        for (ForecastRow r : rows) {
            assertTrue(r.lower() <= r.predicted() && r.predicted() <= r.upper(), r.toString());
            assertTrue(!r.model().isEmpty());
        }
        double expected = 110 + 40 * Math.sin(2 * Math.PI * 600 / 60);
        assertEquals(expected, rows.get(0).predicted(), 3);
        assertEquals(25, rows.get(4).predicted(), 0.5);
    }
}
