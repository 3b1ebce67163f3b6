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

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.cache.Cache;
import dev.autopilot.sql.Json;
import dev.autopilot.sql.tables.SystemTable;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.configuration.CacheConfiguration;

import static dev.autopilot.sql.tables.AutopilotTables.COLUMN_STATS;
import static dev.autopilot.sql.tables.AutopilotTables.TABLE_ACCESS;
import static dev.autopilot.sql.tables.AutopilotTables.TABLE_STATS;

/**
 * Computes the statistics of the managed tables and writes them to {@code AUTOPILOT.TABLE_STATS} and
 * {@code AUTOPILOT.COLUMN_STATS}. The sample is a Bernoulli sample taken where the rows live (each node scans its own
 * partitions and sends about {@code sampleRows / rows} of them): taking whole partitions, or the first rows of each,
 * gave clustered samples in which the rows of one affinity key came together and their distinct count fell to a
 * fifth. A table smaller than the sample is read whole, so its figures are exact.
 */
public final class StatisticsCollector {
    private final Ignite ignite;
    private final List<String> configuredTables;
    private final int buckets;
    private final int sampleRows;
    private final LongSupplier lastCompleteWindow;
    private final Map<String, Collected> recent = new ConcurrentHashMap<>();

    /** Statistics this node collected, and when. */
    private record Collected(long atMillis, TableStatistics statistics) {
    }

    /**
     * @param ignite the local node
     * @param configuredTables tables to manage ({@code TABLE} or {@code SCHEMA.TABLE}); empty for every user table
     * @param buckets histogram buckets per column
     * @param sampleRows rows to sample per table, about
     * @param lastCompleteWindow start of the last complete query-log window, for access counts
     */
    public StatisticsCollector(Ignite ignite, List<String> configuredTables, int buckets, int sampleRows,
        LongSupplier lastCompleteWindow) {
        this.ignite = ignite;
        this.configuredTables = configuredTables.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
        this.buckets = buckets;
        this.sampleRows = sampleRows;
        this.lastCompleteWindow = lastCompleteWindow;
    }

    /** @return the SQL tables Autopilot manages now */
    public List<ManagedTable> managedTables() {
        List<ManagedTable> out = new ArrayList<>();
        for (String cacheName : ignite.cacheNames()) {
            IgniteCache<?, ?> cache = ignite.cache(cacheName);
            if (cache == null)
                continue;
            @SuppressWarnings("unchecked")
            CacheConfiguration<?, ?> cfg = cache.getConfiguration(CacheConfiguration.class);
            for (ManagedTable t : ManagedTable.of(cfg)) {
                if (!SystemTable.isInternalSchema(t.schema()) && isConfigured(t))
                    out.add(t);
            }
        }
        return out;
    }

    /** Computes the statistics of every managed table and writes them to the {@code AUTOPILOT} tables. */
    public synchronized List<TableStatistics> refresh() {
        List<TableStatistics> out = collect(managedTables());
        write(out);
        return out;
    }

    /**
     * The statistics of {@code tables} for profiling them: a histogram changes slowly and collecting one reads the whole
     * table, so statistics collected less than {@code maxAgeMillis} ago are used again (columns added since have none),
     * with the access counts of the last complete window; the others are collected now and written. Statistics this
     * node collected come first; then those any node wrote to the {@code AUTOPILOT} tables, so that one collection
     * serves whichever node asks.
     */
    public List<TableStatistics> recent(List<ManagedTable> tables, long maxAgeMillis) {
        long now = System.currentTimeMillis();
        Map<String, long[]> access = accessCounts();
        List<TableStatistics> out = new ArrayList<>();
        List<TableStatistics> collected = new ArrayList<>();
        for (ManagedTable t : tables) {
            long[] a = access.getOrDefault(t.qualifiedName(), new long[2]);
            TableStatistics reused = reusable(t, now - maxAgeMillis);
            if (reused != null)
                out.add(reused.withAccess(a[0], a[1], lastCompleteWindow.getAsLong()));
            else {
                TableStatistics s = collect(t, a);
                collected.add(s);
                out.add(s);
            }
        }
        write(collected);
        return out;
    }

    /** @return statistics of {@code t} collected at or after {@code sinceMillis}, here or stored; null if none */
    private TableStatistics reusable(ManagedTable t, long sinceMillis) {
        Collected c = recent.get(t.qualifiedName());
        if (c != null && c.atMillis() > sinceMillis)
            return c.statistics();
        return stored(t, sinceMillis);
    }

    /** @return the statistics of {@code t} stored in the {@code AUTOPILOT} tables since {@code sinceMillis}, or null */
    private TableStatistics stored(ManagedTable t, long sinceMillis) {
        IgniteBinary bin = ignite.binary();
        BinaryObject table = TABLE_STATS.cache(ignite).get(TABLE_STATS.key(bin, t.qualifiedName()));
        if (table == null || table.<Timestamp>field("REFRESHED_AT").getTime() <= sinceMillis)
            return null;
        List<ColumnStatistics> columns = new ArrayList<>();
        for (String c : t.columns().keySet()) {
            BinaryObject col = COLUMN_STATS.cache(ignite).get(COLUMN_STATS.key(bin, t.qualifiedName(), c));
            if (col != null && col.<Timestamp>field("REFRESHED_AT").getTime() > sinceMillis) {
                columns.add(new ColumnStatistics(c, col.field("DATA_TYPE"), col.<Long>field("DISTINCT_COUNT"),
                    col.<Long>field("NULL_COUNT"), col.field("MIN_VALUE"), col.field("MAX_VALUE"),
                    Json.readStrings(col.field("HISTOGRAM"))));
            }
        }
        return new TableStatistics(t.qualifiedName(), t.cacheName(), table.<Long>field("ROWS"),
            table.<Long>field("SIZE_BYTES"), table.<Long>field("SAMPLED_ROWS"), table.<Long>field("READS"),
            table.<Long>field("WRITES"), table.<Timestamp>field("ACCESS_WINDOW_START").getTime(), columns);
    }

    /** @return the statistics of {@code tables}, computed now and written nowhere */
    public List<TableStatistics> collect(List<ManagedTable> tables) {
        Map<String, long[]> access = accessCounts();
        List<TableStatistics> out = new ArrayList<>();
        for (ManagedTable t : tables)
            out.add(collect(t, access.getOrDefault(t.qualifiedName(), new long[2])));
        return out;
    }

    private TableStatistics collect(ManagedTable t, long[] access) {
        IgniteCache<Object, Object> cache = ignite.cache(t.cacheName()).withKeepBinary();
        long rows = cache.sizeLong(CachePeekMode.PRIMARY);

        Map<String, List<Object>> values = new HashMap<>();
        t.columns().keySet().forEach(c -> values.put(c, new ArrayList<>()));
        long bytes = 0;
        int sampled = 0;

        ScanQuery<Object, Object> scan = rows <= sampleRows ? new ScanQuery<>()
            : new ScanQuery<>(new BernoulliSample((double)sampleRows / rows));
        try (QueryCursor<Cache.Entry<Object, Object>> cur = cache.query(scan)) {
            for (Cache.Entry<Object, Object> e : cur) {
                bytes += sizeOf(e.getKey()) + sizeOf(e.getValue());
                sampled++;
                for (Map.Entry<String, String> c : t.columns().entrySet())
                    values.get(c.getKey()).add(valueOf(t, c.getKey(), c.getValue(), e.getKey(), e.getValue()));
            }
        }

        List<ColumnStatistics> columns = new ArrayList<>();
        for (String c : t.columns().keySet())
            columns.add(EquiDepthHistogram.build(c, t.types().get(c), values.get(c), rows, buckets));

        long sizeBytes = sampled == 0 ? 0 : Math.round((double)bytes / sampled * rows);
        TableStatistics s = new TableStatistics(t.qualifiedName(), t.cacheName(), rows, sizeBytes, sampled, access[0],
            access[1], lastCompleteWindow.getAsLong(), columns);
        recent.put(t.qualifiedName(), new Collected(System.currentTimeMillis(), s));
        return s;
    }

    private static Object valueOf(ManagedTable t, String column, String field, Object key, Object val) {
        if (column.equals(t.keyColumn()))
            return key;
        Object holder = t.keyColumns().contains(field) ? key : val;
        return holder instanceof BinaryObject && ((BinaryObject)holder).hasField(field)
            ? ((BinaryObject)holder).field(field) : null;
    }

    private static long sizeOf(Object o) {
        if (o instanceof BinaryObject)
            return ((BinaryObject)o).size();
        if (o instanceof String)
            return ((String)o).length() + 5L;
        return 9;
    }

    private Map<String, long[]> accessCounts() {
        Map<String, long[]> out = new HashMap<>();
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT TABLE_NAME, SUM(READS), SUM(WRITES) FROM "
            + TABLE_ACCESS.name() + " WHERE WINDOW_START = ? GROUP BY TABLE_NAME")
            .setSchema("AUTOPILOT")
            .setArgs(new Timestamp(lastCompleteWindow.getAsLong()));
        for (List<?> row : ignite.cache(TABLE_ACCESS.cacheName()).query(q).getAll())
            out.put((String)row.get(0), new long[] {((Number)row.get(1)).longValue(), ((Number)row.get(2)).longValue()});
        return out;
    }

    /** Writes statistics to {@code AUTOPILOT.TABLE_STATS} and {@code AUTOPILOT.COLUMN_STATS}. */
    public void write(List<TableStatistics> stats) {
        IgniteBinary bin = ignite.binary();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        Map<Object, BinaryObject> tables = new HashMap<>();
        Map<Object, BinaryObject> columns = new HashMap<>();
        for (TableStatistics s : stats) {
            tables.put(TABLE_STATS.key(bin, s.table()), TABLE_STATS.value(bin, s.cacheName(), s.rows(), s.sizeBytes(),
                s.avgRowBytes(), s.reads(), s.writes(), new Timestamp(s.accessWindowStart()), s.sampledRows(), now));
            for (ColumnStatistics c : s.columns()) {
                columns.put(COLUMN_STATS.key(bin, s.table(), c.column()), COLUMN_STATS.value(bin, c.type(),
                    c.distinct(), c.nulls(), c.min(), c.max(), Json.write(c.bounds()), c.bounds().size(), now));
            }
        }
        if (!tables.isEmpty())
            TABLE_STATS.cache(ignite).putAll(tables);
        if (!columns.isEmpty())
            COLUMN_STATS.cache(ignite).putAll(columns);
    }

    private boolean isConfigured(ManagedTable t) {
        return configuredTables.isEmpty() || configuredTables.contains(t.table())
            || configuredTables.contains(t.qualifiedName());
    }
}
