package dev.autopilot.plugin;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import dev.autopilot.forecast.ForecastRow;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.LoadStore;
import dev.autopilot.forecast.PartitionForecasts;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.SqlFieldsQuery;

import static dev.autopilot.sql.tables.AutopilotTables.LOAD_FORECASTS;
import static dev.autopilot.sql.tables.AutopilotTables.TABLE_ACCESS;

/**
 * Forecasts each managed table's statements per window and writes them to {@code AUTOPILOT.LOAD_FORECASTS}. The load
 * series are rebuilt from {@code AUTOPILOT.TABLE_ACCESS} on every refresh, so nothing is lost when the singleton that
 * runs this moves to another node.
 */
final class TableLoadForecasts {
    private final Ignite ignite;
    private final long windowMillis;
    private final int historyWindows;
    private final ForecastSettings settings;
    private final LongSupplier clock;

    TableLoadForecasts(Ignite ignite, long windowMillis, int historyWindows, ForecastSettings settings,
        LongSupplier clock) {
        this.ignite = ignite;
        this.windowMillis = windowMillis;
        this.historyWindows = historyWindows;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the forecasts written, one row per table and horizon, with table names */
    Map<String, List<ForecastRow>> refresh() {
        long now = clock.getAsLong();
        long current = now - Math.floorMod(now, windowMillis);
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT TABLE_NAME, WINDOW_START, SUM(READS), SUM(WRITES) FROM "
            + TABLE_ACCESS.name() + " WHERE WINDOW_START >= ? AND WINDOW_START < ? GROUP BY TABLE_NAME, WINDOW_START")
            .setSchema("AUTOPILOT")
            .setArgs(new Timestamp(current - historyWindows * windowMillis), new Timestamp(current));
        List<List<?>> access = ignite.cache(TABLE_ACCESS.cacheName()).query(q).getAll();

        List<String> tables = new ArrayList<>(new TreeSet<>(access.stream().map(r -> (String)r.get(0)).toList()));
        LoadStore store = new LoadStore(clock::getAsLong, windowMillis, historyWindows);
        for (List<?> r : access) {
            store.recordAt(tables.indexOf((String)r.get(0)), ((Timestamp)r.get(1)).getTime(),
                ((Number)r.get(2)).longValue(), ((Number)r.get(3)).longValue());
        }

        PartitionForecasts forecasts = new PartitionForecasts(store, settings, new LocalTrainingBackend(1));
        forecasts.retrain();

        Map<String, List<ForecastRow>> out = new HashMap<>();
        IgniteBinary bin = ignite.binary();
        Timestamp trainedAt = new Timestamp(now);
        Map<Object, BinaryObject> rows = new HashMap<>();
        for (ForecastRow f : forecasts.rows()) {
            String table = tables.get(f.partition());
            out.computeIfAbsent(table, t -> new ArrayList<>()).add(f);
            rows.put(LOAD_FORECASTS.key(bin, table, f.horizon()), LOAD_FORECASTS.value(bin,
                new Timestamp(f.windowStartMillis()), f.predicted(), f.lower(), f.upper(), f.model(), trainedAt));
        }
        if (!rows.isEmpty())
            LOAD_FORECASTS.cache(ignite).putAll(rows);
        return out;
    }
}
