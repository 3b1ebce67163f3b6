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

package dev.autopilot.affinity.load;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import dev.autopilot.forecast.Forecast;
import dev.autopilot.forecast.ForecastRow;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.Forecaster;
import dev.autopilot.forecast.LoadStore;
import dev.autopilot.forecast.model.CacheTrainingBackend;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import dev.autopilot.forecast.model.Regressor;
import dev.autopilot.forecast.model.TrainingBackend;
import dev.autopilot.forecast.series.TimeSeries;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.SqlFieldsQuery;

import static dev.autopilot.sql.tables.AutopilotTables.LOAD_FORECASTS;
import static dev.autopilot.sql.tables.AutopilotTables.TABLE_ACCESS;

/**
 * Forecasts each managed table's statements per window and writes them to {@code AUTOPILOT.LOAD_FORECASTS}. The load
 * series are rebuilt from {@code AUTOPILOT.TABLE_ACCESS} on every refresh, so nothing is lost when the singleton that
 * runs this moves to another node.
 *
 * <p>On a server node the learned models train on the cluster (rows in a temporary cache, Ignite ML computing where
 * they live), so a refresh does not load one node alone; a client node trains locally. One refresh is bounded by a
 * time budget, checked before each table (a training that has started finishes): a table reached after the budget is
 * spent keeps its previous forecasts, or gets baseline forecasts (cheap, no Ignite ML) if it has none, and the log
 * names those tables. Tables trained longest ago go first, so a budget too small for all of them rotates through them.
 */
public final class TableLoadForecasts {
    /**
     * Partitions of the temporary training cache. Each costs Ignite ML a job per computation (boosting computes per
     * tree level), so few; but enough that rendezvous hashing usually puts some on every node of a small cluster.
     */
    private static final int TRAINING_PARTITIONS = 4;

    private final Ignite ignite;
    private final IgniteLogger log;
    private final long windowMillis;
    private final int historyWindows;
    private final ForecastSettings settings;
    private final ForecastSettings baselineSettings;
    private final long budgetMillis;
    private final LongSupplier clock;
    private final TrainingBackend backend;

    public TableLoadForecasts(Ignite ignite, long windowMillis, int historyWindows, ForecastSettings settings,
        long budgetMillis, LongSupplier clock) {
        this.ignite = ignite;
        this.log = ignite.log().getLogger(TableLoadForecasts.class);
        this.windowMillis = windowMillis;
        this.historyWindows = historyWindows;
        this.settings = settings;
        this.baselineSettings = settings.toBuilder().regressors(EnumSet.noneOf(Regressor.class)).build();
        this.budgetMillis = budgetMillis;
        this.clock = clock;
        this.backend = ignite.cluster().localNode().isClient() ? new LocalTrainingBackend(1)
            : new CacheTrainingBackend(ignite, TRAINING_PARTITIONS);
    }

    /** @return the forecasts written, one row per table and horizon, with table names */
    public Map<String, List<ForecastRow>> refresh() {
        long started = System.nanoTime();
        long now = clock.getAsLong();
        List<String> tables = new ArrayList<>();
        LoadStore store = loadSeries(now, tables);

        Map<String, Long> trainedAt = trainedAt();
        Map<String, List<ForecastRow>> out = new HashMap<>();
        List<String> kept = new ArrayList<>();
        List<String> baselines = new ArrayList<>();
        for (int p : trainingOrder(tables, trainedAt)) {
            String table = tables.get(p);
            TimeSeries history = store.history(p);
            if (history.size() < 2)
                continue;
            boolean inBudget = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < budgetMillis;
            if (!inBudget && trainedAt.containsKey(table)) {
                kept.add(table);
                continue;
            }
            Forecaster forecaster;
            if (inBudget)
                forecaster = Forecaster.train(history, history.size(), settings, backend);
            else {
                baselines.add(table);
                forecaster = Forecaster.train(history, baselineSettings);
            }
            if (history.size() >= forecaster.minHistory())
                out.put(table, rows(p, forecaster.forecast(history)));
        }
        if (!kept.isEmpty() || !baselines.isEmpty()) {
            log.warning("Autopilot's forecast training budget of " + budgetMillis + " ms ran out after "
                + (tables.size() - kept.size() - baselines.size()) + " of " + tables.size()
                + " tables; previous forecasts kept for " + kept + ", baseline forecasts for " + baselines);
        }
        write(out, now);
        return out;
    }

    /**
     * Fills a store with each table's statements per window, tables numbered in {@code tables}' (sorted) order. The
     * rows come oldest first: a load series drops a window older than its ring once a newer one is in.
     */
    private LoadStore loadSeries(long now, List<String> tables) {
        long current = now - Math.floorMod(now, windowMillis);
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT TABLE_NAME, WINDOW_START, SUM(READS), SUM(WRITES) FROM "
            + TABLE_ACCESS.name() + " WHERE WINDOW_START >= ? AND WINDOW_START < ? GROUP BY TABLE_NAME, WINDOW_START "
            + "ORDER BY WINDOW_START")
            .setSchema("AUTOPILOT")
            .setArgs(new Timestamp(current - historyWindows * windowMillis), new Timestamp(current));
        List<List<?>> access = ignite.cache(TABLE_ACCESS.cacheName()).query(q).getAll();

        tables.addAll(new TreeSet<>(access.stream().map(r -> (String)r.get(0)).toList()));
        LoadStore store = new LoadStore(clock::getAsLong, windowMillis, historyWindows);
        for (List<?> r : access) {
            store.recordAt(tables.indexOf((String)r.get(0)), ((Timestamp)r.get(1)).getTime(),
                ((Number)r.get(2)).longValue(), ((Number)r.get(3)).longValue());
        }
        return store;
    }

    /** @return when each table's current forecasts were made */
    private Map<String, Long> trainedAt() {
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT TABLE_NAME, TRAINED_AT FROM " + LOAD_FORECASTS.name()
            + " WHERE HORIZON = 1").setSchema("AUTOPILOT");
        Map<String, Long> trainedAt = new HashMap<>();
        for (List<?> r : ignite.cache(LOAD_FORECASTS.cacheName()).query(q).getAll())
            trainedAt.put((String)r.get(0), ((Timestamp)r.get(1)).getTime());
        return trainedAt;
    }

    /**
     * @return table numbers, those without forecasts first, then those trained longest ago: a budget too small for
     *     every table moves on to the others at the next refresh instead of retraining the same ones
     */
    private static List<Integer> trainingOrder(List<String> tables, Map<String, Long> trainedAt) {
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < tables.size(); p++)
            order.add(p);
        order.sort(Comparator.comparingLong(p -> trainedAt.getOrDefault(tables.get(p), Long.MIN_VALUE)));
        return order;
    }

    private static List<ForecastRow> rows(int partition, Forecast fc) {
        List<ForecastRow> rows = new ArrayList<>(fc.horizons());
        for (int h = 1; h <= fc.horizons(); h++) {
            rows.add(new ForecastRow(partition, h, fc.windowStartMillis(h), fc.predicted(h), fc.lower(h), fc.upper(h),
                fc.model(h)));
        }
        return rows;
    }

    private void write(Map<String, List<ForecastRow>> forecasts, long now) {
        IgniteBinary bin = ignite.binary();
        Timestamp trainedAt = new Timestamp(now);
        Map<Object, BinaryObject> rows = new HashMap<>();
        forecasts.forEach((table, fs) -> fs.forEach(f -> rows.put(LOAD_FORECASTS.key(bin, table, f.horizon()),
            LOAD_FORECASTS.value(bin, new Timestamp(f.windowStartMillis()), f.predicted(), f.lower(), f.upper(),
                f.model(), trainedAt))));
        if (!rows.isEmpty())
            LOAD_FORECASTS.cache(ignite).putAll(rows);
    }
}
