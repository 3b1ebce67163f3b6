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

package dev.autopilot.adaptation;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.autopilot.adaptation.mining.AutopilotStructures;
import dev.autopilot.adaptation.mining.ProfileGenerator;
import dev.autopilot.adaptation.mining.TableWorkload;
import dev.autopilot.adaptation.mining.TemplateLoad;
import dev.autopilot.adaptation.mining.WorkloadSnapshot;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.expression.DerivedNames;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.StatementParser;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.analysis.StatementShape;
import dev.autopilot.sql.stats.ManagedTable;
import dev.autopilot.sql.stats.TableStatistics;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.SqlFieldsQuery;

import static dev.autopilot.sql.tables.AutopilotTables.QUERY_TEMPLATES;
import static dev.autopilot.sql.tables.AutopilotTables.SCHEMA_PROFILES;
import static dev.autopilot.sql.tables.AutopilotTables.TEMPLATE_STATS;

/**
 * Runs the Schema Profile Generator on what the whole cluster observed in one window: the templates and their
 * executions from the {@code AUTOPILOT} tables (every node's), with the tables' statistics, and stores each table's
 * profile in {@code AUTOPILOT.SCHEMA_PROFILES}. Everything it reads is in the cluster, so the singleton that runs it
 * can move between nodes.
 */
public final class SchemaProfiles {
    private static final String TEMPLATE_LOADS = "SELECT t.TEMPLATE_ID, t.SCHEMA_NAME, t.TEMPLATE, "
        + "SUM(s.EXECUTIONS), SUM(s.MEAN_LATENCY_MS * s.EXECUTIONS) FROM " + TEMPLATE_STATS.name() + " s JOIN "
        + QUERY_TEMPLATES.name() + " t ON t.TEMPLATE_ID = s.TEMPLATE_ID WHERE s.WINDOW_START = ? "
        + "GROUP BY t.TEMPLATE_ID, t.SCHEMA_NAME, t.TEMPLATE";

    private static final String SECONDARY_INDEXES = "SELECT SCHEMA_NAME, TABLE_NAME, INDEX_NAME, COLUMNS "
        + "FROM SYS.INDEXES WHERE IS_PK = FALSE";

    private static final String PROXY = "_proxy";

    private final Ignite ignite;
    private final ProfileGenerator generator;
    private final StatementParser parser;
    private final Function<String, PartitionLayout> layouts;
    private final StatementAnalyzer analyzer = new StatementAnalyzer();

    /**
     * @param ignite the local node
     * @param generator the profile generator
     * @param parser parses template text with Ignite's grammar
     * @param layouts the layout of a table ({@code SCHEMA.TABLE}) now, {@code null} when Autopilot has not changed it
     */
    public SchemaProfiles(Ignite ignite, ProfileGenerator generator, StatementParser parser,
        Function<String, PartitionLayout> layouts) {
        this.ignite = ignite;
        this.generator = generator;
        this.parser = parser;
        this.layouts = layouts;
    }

    /**
     * @param windowStart start of the window to learn from (a complete one)
     * @param windowMillis its length
     * @param tables the managed tables
     * @param statistics their statistics, access counts of that window included
     * @return the profile of every managed table, also stored in {@code AUTOPILOT.SCHEMA_PROFILES}
     */
    public List<SchemaProfile> refresh(long windowStart, long windowMillis, List<ManagedTable> tables,
        List<TableStatistics> statistics) {
        List<SchemaProfile> profiles = dryRun(windowStart, windowMillis, tables, statistics);
        store(profiles);
        return profiles;
    }

    /**
     * What Autopilot would propose for a recorded window, any still in the {@code AUTOPILOT} tables: the profiles,
     * computed as {@link #refresh} does, but stored nowhere.
     *
     * @return the profile of every managed table
     */
    public List<SchemaProfile> dryRun(long windowStart, long windowMillis, List<ManagedTable> tables,
        List<TableStatistics> statistics) {
        List<TemplateLoad> loads = templateLoads(windowStart);
        Map<String, List<List<String>>> indexes = secondaryIndexes();
        Map<String, TableStatistics> statsByTable = statistics.stream()
            .collect(Collectors.toMap(TableStatistics::table, s -> s, (a, b) -> a));

        List<TableWorkload> workloads = new ArrayList<>();
        for (ManagedTable t : tables) {
            TableStatistics stats = statsByTable.get(t.qualifiedName());
            if (stats == null)
                continue;
            List<TemplateLoad> onTable = loads.stream()
                .filter(l -> l.shape().tables().contains(t.qualifiedName())).toList();
            TableSchema schema = TableSchema.of(t, indexes.getOrDefault(t.qualifiedName(), List.of()));
            workloads.add(TableWorkload.of(schema, stats, onTable, windowMillis / 1000.0,
                built(layouts.apply(t.qualifiedName()))));
        }

        return generator.generate(new WorkloadSnapshot(windowStart, windowStart + windowMillis, workloads));
    }

    private List<TemplateLoad> templateLoads(long windowStart) {
        SqlFieldsQuery q = new SqlFieldsQuery(TEMPLATE_LOADS).setSchema("AUTOPILOT")
            .setArgs(new Timestamp(windowStart));
        List<TemplateLoad> out = new ArrayList<>();
        for (List<?> r : ignite.cache(TEMPLATE_STATS.cacheName()).query(q).getAll()) {
            StatementShape shape = analyzer.analyze(parser.parse((String)r.get(2)).get(0)).qualified((String)r.get(1));
            long executions = ((Number)r.get(3)).longValue();
            double latency = executions == 0 ? 0 : ((Number)r.get(4)).doubleValue() / executions;
            out.add(new TemplateLoad((String)r.get(0), shape, executions, latency));
        }
        return out;
    }

    /** @return the derived columns in use and the indexes of {@code layout} */
    private static AutopilotStructures built(PartitionLayout layout) {
        if (layout == null)
            return AutopilotStructures.NONE;
        Map<String, DerivedExpression> columns = new LinkedHashMap<>();
        layout.derived().stream().filter(DerivedColumn::ready).forEach(c -> columns.put(c.name(), c.expression()));
        return new AutopilotStructures(columns, layout.indexes().stream().map(LayoutIndex::columns).toList());
    }

    /**
     * @return the columns of every secondary index the user created, by {@code SCHEMA.TABLE}, from Ignite's
     *     {@code SYS.INDEXES}
     */
    private Map<String, List<List<String>>> secondaryIndexes() {
        Map<String, List<List<String>>> out = new HashMap<>();
        SqlFieldsQuery q = new SqlFieldsQuery(SECONDARY_INDEXES).setSchema("SYS");
        for (List<?> r : ignite.cache(TEMPLATE_STATS.cacheName()).query(q).getAll()) {
            List<String> columns = new ArrayList<>();
            for (String col : ((String)r.get(3)).split(", ")) {
                String name = col.replaceAll(" (ASC|DESC)$", "");
                columns.add(name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name);
            }
            String table = r.get(0) + "." + r.get(1);
            if (!autopilots(table, (String)r.get(2)))
                out.computeIfAbsent(table, k -> new ArrayList<>()).add(columns);
        }
        return out;
    }

    /**
     * @param index an index of {@code table} as {@code SYS.INDEXES} names it (the H2 engine's copy has {@code _proxy}
     *     appended)
     * @return whether Autopilot created it: it is in the table's layout, or it is one being retired
     */
    private boolean autopilots(String table, String index) {
        String name = index.endsWith(PROXY) ? index.substring(0, index.length() - PROXY.length()) : index;
        PartitionLayout layout = layouts.apply(table);
        return DerivedNames.isIndexName(name)
            || layout != null && layout.indexes().stream().anyMatch(i -> i.name().equals(name));
    }

    private void store(List<SchemaProfile> profiles) {
        IgniteBinary bin = ignite.binary();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        Map<Object, BinaryObject> rows = new HashMap<>();
        for (SchemaProfile p : profiles) {
            String derived = p.derivedAttributes() == null ? "" : p.derivedAttributes().stream()
                .map(d -> d.name() + " = " + d.expression()).collect(Collectors.joining(", "));
            String indexes = p.indexes() == null ? "" : p.indexes().stream()
                .map(i -> i.name() + " (" + String.join(", ", i.columns()) + ')').collect(Collectors.joining(", "));
            rows.put(SCHEMA_PROFILES.key(bin, p.table()), SCHEMA_PROFILES.value(bin, p.partitionId(), p.version(),
                derived, p.compositeIndex() == null ? "" : String.join(", ", p.compositeIndex()), indexes,
                p.expectedBenefit().rowsReadSavedPerSecond(), p.expectedBenefit().memoryBytes(),
                p.expectedBenefit().netGain(), new Timestamp(p.basedOn().windowStart()),
                new Timestamp(p.basedOn().windowEnd()), p.basedOn().queries(), ProfileCodec.write(p), now));
        }
        if (!rows.isEmpty())
            SCHEMA_PROFILES.cache(ignite).putAll(rows);
    }
}
