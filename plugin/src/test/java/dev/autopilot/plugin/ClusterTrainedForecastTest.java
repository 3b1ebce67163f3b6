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

package dev.autopilot.plugin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import dev.autopilot.affinity.load.TableLoadForecasts;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.model.HoltWintersModel;
import dev.autopilot.forecast.model.LastValueModel;
import dev.autopilot.forecast.model.Regressor;
import dev.autopilot.forecast.model.SeasonalNaiveModel;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.binary.BinaryObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.tables.AutopilotTables.LOAD_FORECASTS;
import static dev.autopilot.sql.tables.AutopilotTables.TABLE_ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load forecasts learned by Ignite ML on a two-node cluster from a long synthetic history in
 * {@code AUTOPILOT.TABLE_ACCESS}, and read back over the JDBC thin driver: the path a user of the plugin takes.
 */
class ClusterTrainedForecastTest {
    private static final long HOUR = 3_600_000L;
    private static final int SEASON = 24;
    private static final int HISTORY = 20 * SEASON;
    private static final int HORIZON = 6;
    private static final Set<String> LEARNED = Set.of(Regressor.LINEAR.modelName(), Regressor.BOOSTED_TREES.modelName(),
        Regressor.LINEAR.modelName() + '+' + Regressor.BOOSTED_TREES.modelName());
    private static final Set<String> BASELINES = Set.of(LastValueModel.NAME, SeasonalNaiveModel.NAME,
        HoltWintersModel.NAME);
    private static final TestCluster CLUSTER = new TestCluster();

    /** The first window of the synthetic history (an index of one-hour windows since the epoch). */
    private static long firstWindow;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(3600).setFlushIntervalMillis(100)
            .setStatisticsRefreshSeconds(0).setForecastHorizon(HORIZON).setForecastHistoryWindows(HISTORY)
            .setForecastTrainingBudgetMillis(300_000));
        long current = System.currentTimeMillis() / HOUR;
        firstWindow = current - HISTORY;
        // Up to the window after the current one, so that the test still sees a full history if the hour turns.
        writeAccess("PUBLIC.ORDERS", firstWindow, current + 1);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void forecastsLearnedOnTheClusterAreServedOverJdbc() throws SQLException {
        long[] jobsBefore = executedJobs();
        long started = System.nanoTime();
        AutopilotPlugin.of(CLUSTER.node(0)).placement().refreshForecasts();
        long trainingMillis = (System.nanoTime() - started) / 1_000_000;
        long[] jobsAfter = executedJobs();

        List<Object[]> rows = jdbc("SELECT HORIZON, WINDOW_START, PREDICTED, LOWER, UPPER, MODEL FROM "
            + "AUTOPILOT.LOAD_FORECASTS WHERE TABLE_NAME = 'PUBLIC.ORDERS' ORDER BY HORIZON");
        System.out.printf("Forecast refresh trained on the cluster in %d ms, compute jobs per node %s -> %s: %s%n",
            trainingMillis, Arrays.toString(jobsBefore), Arrays.toString(jobsAfter), rows.stream().map(List::of).toList());

        assertEquals(HORIZON, rows.size(), "one row per horizon");
        int learned = 0;
        for (int h = 1; h <= HORIZON; h++) {
            Object[] r = rows.get(h - 1);
            String row = "horizon " + h + ": " + List.of(r);
            assertEquals(h, ((Number)r[0]).intValue());
            double predicted = (Double)r[2];
            assertTrue((Double)r[3] <= predicted && predicted <= (Double)r[4], row);
            double expected = pattern(((Timestamp)r[1]).getTime() / HOUR);
            assertEquals(expected, predicted, 0.1 * expected, "within 10% of the known pattern: " + row);
            if (LEARNED.contains((String)r[5]))
                learned++;
        }
        assertTrue(learned > 0, "an Ignite ML model must win some horizons: " + rows.stream().map(List::of).toList());
        assertTrue(Arrays.stream(jobsAfter).sum() > Arrays.stream(jobsBefore).sum(),
            "Ignite ML computed on the cluster (local training runs no compute jobs)");
        for (Ignite n : CLUSTER.nodes()) {
            assertTrue(n.cacheNames().stream().noneMatch(c -> c.startsWith("autopilot-forecast-train-")),
                "training rows are removed: " + n.cacheNames());
        }
    }

    @Test
    void tablesBeyondTheBudgetKeepTheirForecastsOrGetBaselines() throws SQLException {
        long current = System.currentTimeMillis() / HOUR;
        writeAccess("PUBLIC.KEPT", current - 3 * SEASON, current);
        writeAccess("PUBLIC.FRESH", current - 3 * SEASON, current);
        writePreviousForecasts("PUBLIC.KEPT");

        // A budget of 0 is spent before the first table: every table is beyond it.
        new TableLoadForecasts(CLUSTER.node(1), HOUR, HISTORY, ForecastSettings.builder().horizon(HORIZON).build(), 0,
            System::currentTimeMillis).refresh();

        List<Object[]> kept = jdbc("SELECT MODEL FROM AUTOPILOT.LOAD_FORECASTS WHERE TABLE_NAME = 'PUBLIC.KEPT'");
        assertEquals(HORIZON, kept.size());
        kept.forEach(r -> assertEquals("previous", r[0], "forecasts made before the budget ran out are kept"));
        List<Object[]> fresh = jdbc("SELECT MODEL FROM AUTOPILOT.LOAD_FORECASTS WHERE TABLE_NAME = 'PUBLIC.FRESH'");
        assertEquals(HORIZON, fresh.size(), "a table without forecasts gets baseline ones");
        fresh.forEach(r -> assertTrue(BASELINES.contains((String)r[0]), "baseline, not learned: " + r[0]));
    }

    /** Statements per hour: a daily cycle (two harmonics) whose size grows with a linear trend. */
    private static double pattern(long window) {
        double level = 200 + (window - firstWindow);
        double phase = 2 * Math.PI * Math.floorMod(window, SEASON) / SEASON;
        return level * (1 + 0.5 * Math.sin(phase) + 0.2 * Math.sin(2 * phase));
    }

    /** Writes the pattern with 2% noise for windows {@code [from, to]}, as two nodes would have reported it. */
    private static void writeAccess(String table, long from, long to) {
        Ignite node = CLUSTER.node(0);
        IgniteBinary bin = node.binary();
        Random noise = new Random(42);
        Map<Object, BinaryObject> rows = new HashMap<>();
        for (long w = from; w <= to; w++) {
            long load = Math.round(pattern(w) * (1 + 0.02 * noise.nextGaussian()));
            Timestamp start = new Timestamp(w * HOUR);
            rows.put(TABLE_ACCESS.key(bin, start, table, "node-a"), TABLE_ACCESS.value(bin, load / 2, load / 10));
            rows.put(TABLE_ACCESS.key(bin, start, table, "node-b"),
                TABLE_ACCESS.value(bin, load - load / 2 - load / 10, 0L));
        }
        TABLE_ACCESS.cache(node).putAll(rows);
    }

    private static void writePreviousForecasts(String table) {
        Ignite node = CLUSTER.node(0);
        IgniteBinary bin = node.binary();
        Timestamp then = new Timestamp(System.currentTimeMillis() - HOUR);
        for (int h = 1; h <= HORIZON; h++) {
            LOAD_FORECASTS.cache(node).put(LOAD_FORECASTS.key(bin, table, h),
                LOAD_FORECASTS.value(bin, then, 1.0, 0.0, 2.0, "previous", then));
        }
    }

    private static long[] executedJobs() {
        return CLUSTER.nodes().stream().mapToLong(n -> n.cluster().localNode().metrics().getTotalExecutedJobs())
            .toArray();
    }

    private static List<Object[]> jdbc(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] r = new Object[cols];
                for (int i = 0; i < cols; i++)
                    r[i] = rs.getObject(i + 1);
                rows.add(r);
            }
        }
        return rows;
    }
}
