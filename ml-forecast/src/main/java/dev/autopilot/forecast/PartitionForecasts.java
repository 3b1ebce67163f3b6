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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.autopilot.forecast.model.TrainingBackend;
import dev.autopilot.forecast.series.TimeSeries;

/**
 * Forecasts for every partition of a {@link LoadStore}: what the balancer and the forecast SQL view read.
 *
 * <p>Training is explicit ({@link #retrain()}, e.g. from a scheduled job) because it is costly; forecasting is cheap
 * and always uses the latest complete windows. Thread-safe.
 */
public final class PartitionForecasts {
    private final LoadStore store;
    private final ForecastSettings settings;
    private final TrainingBackend backend;
    private final Map<Integer, Forecaster> forecasters = new ConcurrentHashMap<>();

    public PartitionForecasts(LoadStore store, ForecastSettings settings, TrainingBackend backend) {
        this.store = store;
        this.settings = settings;
        this.backend = backend;
    }

    /** Trains a forecaster per partition on its history; partitions with fewer than two windows are skipped. */
    public void retrain() {
        for (int p : store.partitions()) {
            TimeSeries h = store.history(p);
            if (h.size() >= 2)
                forecasters.put(p, Forecaster.train(h, h.size(), settings, backend));
        }
    }

    /** The trained forecaster of a partition, if any. */
    public Optional<Forecaster> forecaster(int partition) {
        return Optional.ofNullable(forecasters.get(partition));
    }

    /** The forecast of a partition from its latest complete windows; empty if untrained or the history is too short. */
    public Optional<Forecast> forecast(int partition) {
        Forecaster f = forecasters.get(partition);
        TimeSeries h = store.history(partition);
        if (f == null || h.size() < f.minHistory())
            return Optional.empty();
        return Optional.of(f.forecast(h));
    }

    /** One row per partition and horizon, ordered by partition then horizon: the rows of the forecast SQL view. */
    public List<ForecastRow> rows() {
        List<ForecastRow> rows = new ArrayList<>();
        for (int p : store.partitions()) {
            Optional<Forecast> f = forecast(p);
            if (f.isEmpty())
                continue;
            Forecast fc = f.get();
            for (int h = 1; h <= fc.horizons(); h++)
                rows.add(new ForecastRow(p, h, fc.windowStartMillis(h), fc.predicted(h), fc.lower(h), fc.upper(h), fc.model(h)));
        }
        return rows;
    }
}
