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

import java.util.List;
import java.util.Map;
import dev.autopilot.affinity.load.TableLoadForecasts;
import dev.autopilot.forecast.ForecastRow;
import dev.autopilot.forecast.ForecastSettings;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-table load forecasts learned from the query log's windows and served through SQL. */
class LoadForecastTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int HORIZON = 3;

    /** When the load ended: forecasts are made as of then, so that idle windows after it do not count. */
    private static long loadEnd;

    @BeforeAll
    static void startCluster() throws InterruptedException {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(100)
            .setStatisticsRefreshSeconds(0).setForecastHorizon(HORIZON));
        sql("CREATE TABLE T (ID INT PRIMARY KEY, V INT)");
        // Planned once before the load, so that a slow first planning does not swallow its first windows.
        sql("SELECT COUNT(*) FROM T WHERE V = -1");

        // Eight one-second windows of a rising load on T.
        long start = System.currentTimeMillis();
        for (int w = 0; w < 8; w++) {
            for (int i = 0; i <= 3 * w; i++)
                sql("SELECT COUNT(*) FROM T WHERE V = " + i);
            long next = start + (w + 1) * 1000L;
            while (System.currentTimeMillis() < next)
                Thread.sleep(10);
        }
        loadEnd = System.currentTimeMillis();
        CLUSTER.nodes().forEach(n -> AutopilotPlugin.of(n).flushQueryLog());
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void everyHorizonIsForecastWithAnInterval() {
        Map<String, List<ForecastRow>> forecasts = asOfLoadEnd().refresh();

        List<ForecastRow> t = forecasts.get("PUBLIC.T");
        assertNotNull(t, "no forecast of T from the windows " + accessWindows());
        assertEquals(HORIZON, t.size(), forecasts.toString());
        for (ForecastRow r : t) {
            assertTrue(r.lower() <= r.predicted() && r.predicted() <= r.upper(), r.toString());
            assertTrue(r.predicted() > 0, "a table read every window is forecast to be read: " + r);
            assertFalse(r.model().isEmpty());
        }
    }

    @Test
    void forecastsAreReadableFromSql() {
        AutopilotPlugin.of(CLUSTER.node(0)).placement().refreshForecasts();
        assertEquals(HORIZON, sql("SELECT COUNT(*) FROM AUTOPILOT.LOAD_FORECASTS WHERE TABLE_NAME = 'PUBLIC.T'").get(0)
            .stream().mapToInt(n -> ((Number)n).intValue()).sum(),
            "the plugin's own refresh writes every horizon, from the windows " + accessWindows());
        asOfLoadEnd().refresh();

        List<List<?>> rows = sql("SELECT HORIZON, PREDICTED, LOWER, UPPER, MODEL FROM AUTOPILOT.LOAD_FORECASTS "
            + "WHERE TABLE_NAME = 'PUBLIC.T' ORDER BY HORIZON");

        assertEquals(HORIZON, rows.size(), rows.toString());
        assertEquals(1, ((Number)rows.get(0).get(0)).intValue());
        assertTrue(((Number)rows.get(0).get(1)).doubleValue() > 0, rows.toString());
    }

    private static TableLoadForecasts asOfLoadEnd() {
        return new TableLoadForecasts(CLUSTER.node(1), 1000, 1440, ForecastSettings.builder().horizon(HORIZON).build(),
            60_000, () -> loadEnd);
    }

    private static List<List<?>> accessWindows() {
        return sql("SELECT WINDOW_START, SUM(READS) FROM AUTOPILOT.TABLE_ACCESS WHERE TABLE_NAME = 'PUBLIC.T' "
            + "GROUP BY WINDOW_START ORDER BY WINDOW_START");
    }

    private static List<List<?>> sql(String sql) {
        return CLUSTER.node(0).cache("autopilot_table_access").query(new SqlFieldsQuery(sql).setSchema("PUBLIC"))
            .getAll();
    }
}
