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

package dev.autopilot.sql.stats;

import java.util.List;

/**
 * Size, access and value distribution of one managed table.
 *
 * @param table {@code SCHEMA.TABLE}
 * @param cacheName the cache that holds it
 * @param rows rows in the table (primary copies)
 * @param sizeBytes estimated bytes of its rows: rows times the mean serialized size of the sampled rows (key plus
 *     value), without index pages and per-entry overhead
 * @param sampledRows rows the estimates come from
 * @param reads SELECT executions that read the table in the last complete window, cluster-wide
 * @param writes DML executions that wrote it in that window
 * @param accessWindowStart start of that window, epoch millis
 * @param columns per-column statistics
 */
public record TableStatistics(String table, String cacheName, long rows, long sizeBytes, long sampledRows,
    long reads, long writes, long accessWindowStart, List<ColumnStatistics> columns) {
    public TableStatistics {
        columns = List.copyOf(columns);
    }

    /** @return these statistics with the access counts of another window */
    public TableStatistics withAccess(long reads, long writes, long accessWindowStart) {
        return new TableStatistics(table, cacheName, rows, sizeBytes, sampledRows, reads, writes, accessWindowStart,
            columns);
    }

    /** @return mean serialized row size in bytes */
    public double avgRowBytes() {
        return rows == 0 ? 0 : (double)sizeBytes / rows;
    }

    /** @return the statistics of {@code column}, or {@code null} */
    public ColumnStatistics column(String column) {
        return columns.stream().filter(c -> c.column().equalsIgnoreCase(column)).findFirst().orElse(null);
    }
}
