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

package dev.autopilot.affinity.scaler;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import dev.autopilot.forecast.series.TimeSeries;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;

import static dev.autopilot.sql.tables.AutopilotTables.PARTITION_LOAD;

/**
 * A cache's recent load, read from {@code AUTOPILOT.PARTITION_LOAD}: the load (reads plus writes, summed over
 * partitions and nodes) of each closed query-log window, and each partition's share of it. Rows are put in the
 * window their start falls in, since a node closes its windows a little after the boundary. Windows without rows had
 * no load.
 *
 * @param load load per window, oldest first; empty when the cache had none
 * @param share each partition's share of the load over those windows, summing to 1
 */
record CacheLoadHistory(TimeSeries load, double[] share) {
    /**
     * @param lastClosed start of the newest window every node has written
     * @param windows how many windows, at most, ending with {@code lastClosed}
     */
    static CacheLoadHistory read(Ignite ignite, String cacheName, int partitions, long windowMillis, long lastClosed,
        int windows) {
        long from = lastClosed - (windows - 1) * windowMillis;
        List<List<?>> rows = ignite.cache(PARTITION_LOAD.cacheName()).query(new SqlFieldsQuery(
            "SELECT WINDOW_START, PARTITION_ID, SUM(READS) + SUM(WRITES) FROM " + PARTITION_LOAD.name()
                + " WHERE CACHE_NAME = ? AND WINDOW_START >= ? AND WINDOW_START < ?"
                + " GROUP BY WINDOW_START, PARTITION_ID")
            .setSchema("AUTOPILOT")
            .setArgs(cacheName, new Timestamp(from), new Timestamp(lastClosed + windowMillis))).getAll();

        double[] perWindow = new double[windows];
        double[] share = new double[partitions];
        int first = windows;
        double total = 0;
        for (List<?> r : rows) {
            int w = (int)((((Timestamp)r.get(0)).getTime() - from) / windowMillis);
            int p = ((Number)r.get(1)).intValue();
            double load = ((Number)r.get(2)).doubleValue();
            perWindow[w] += load;
            if (p < partitions)
                share[p] += load;
            first = Math.min(first, w);
            total += load;
        }
        for (int p = 0; p < partitions; p++)
            share[p] = total > 0 ? share[p] / total : 0;
        double[] series = Arrays.copyOfRange(perWindow, first, windows);
        return new CacheLoadHistory(TimeSeries.of(from + first * windowMillis, windowMillis, series), share);
    }
}
