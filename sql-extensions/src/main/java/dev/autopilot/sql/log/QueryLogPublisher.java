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

package dev.autopilot.sql.log;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.autopilot.sql.Json;
import dev.autopilot.sql.analysis.Predicate;
import dev.autopilot.sql.analysis.StatementShape;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;

import static dev.autopilot.sql.tables.AutopilotTables.QUERY_LOG;
import static dev.autopilot.sql.tables.AutopilotTables.QUERY_TEMPLATES;
import static dev.autopilot.sql.tables.AutopilotTables.TABLE_ACCESS;
import static dev.autopilot.sql.tables.AutopilotTables.TEMPLATE_PREDICATES;
import static dev.autopilot.sql.tables.AutopilotTables.TEMPLATE_STATS;

/**
 * Makes a node's query log cluster-wide: writes what changed since the last flush into the {@code AUTOPILOT} tables
 * (templates and their predicates, per-window template statistics, table access, sampled executions), then lets the
 * local log forget windows that are over. Runs on one background thread per node, never on a query's path.
 */
public final class QueryLogPublisher {
    private final Ignite ignite;
    private final QueryLog log;
    private final int recentCapacity;
    private long publishedSeq;

    /**
     * The window in which each template's rows were last written: they are written once per window (that keeps
     * them from expiring while in use), not at every flush.
     */
    private final Map<String, Long> templatePublished = new HashMap<>();

    /**
     * @param ignite the local node
     * @param log its query log
     * @param recentCapacity the ring size of the cluster-wide sample per node
     */
    public QueryLogPublisher(Ignite ignite, QueryLog log, int recentCapacity) {
        this.ignite = ignite;
        this.log = log;
        this.recentCapacity = recentCapacity;
    }

    /** Writes what changed since the last call. */
    public synchronized void flush() {
        IgniteBinary bin = ignite.binary();
        String node = log.node().toString();
        Timestamp now = new Timestamp(System.currentTimeMillis());

        Map<Object, BinaryObject> templates = new HashMap<>();
        Map<Object, BinaryObject> predicates = new HashMap<>();
        Map<Object, BinaryObject> stats = new HashMap<>();
        for (TemplateWindowStats s : log.takeChangedTemplateWindows()) {
            stats.put(TEMPLATE_STATS.key(bin, new Timestamp(s.windowStart()), s.templateId(), node),
                TEMPLATE_STATS.value(bin, new Timestamp(s.windowStart() + log.windowMillis()), s.executions(),
                    s.failures(), s.meanLatencyMillis(), s.p95LatencyMillis(), s.maxLatencyMillis(),
                    histogram(s.latencyHistogram())));

            Template t = log.templateById(s.templateId());
            Long published = templatePublished.get(s.templateId());
            if (t != null && (published == null || published < s.windowStart())) {
                putTemplate(bin, t, now, templates, predicates);
                templatePublished.put(t.id(), s.windowStart());
            }
        }

        Map<Object, BinaryObject> access = new HashMap<>();
        for (TableAccess a : log.takeChangedTableWindows()) {
            access.put(TABLE_ACCESS.key(bin, new Timestamp(a.windowStart()), a.table(), node),
                TABLE_ACCESS.value(bin, a.reads(), a.writes()));
        }

        Map<Object, BinaryObject> records = new HashMap<>();
        for (ExecutionRecord r : log.recordsAfter(publishedSeq)) {
            records.put(QUERY_LOG.key(bin, node, (int)(r.seq() % recentCapacity)),
                QUERY_LOG.value(bin, r.seq(), r.templateId(), r.originalSql(), new Timestamp(r.startMillis()),
                    r.latencyMillis(), r.failed()));
            publishedSeq = Math.max(publishedSeq, r.seq());
        }

        putAll(QUERY_TEMPLATES.cache(ignite), templates);
        putAll(TEMPLATE_PREDICATES.cache(ignite), predicates);
        putAll(TEMPLATE_STATS.cache(ignite), stats);
        putAll(TABLE_ACCESS.cache(ignite), access);
        putAll(QUERY_LOG.cache(ignite), records);

        long keepFrom = log.currentWindow() - log.windowMillis();
        log.evictBefore(keepFrom);
        templatePublished.values().removeIf(w -> w < keepFrom);
    }

    private static void putTemplate(IgniteBinary bin, Template t, Timestamp now,
        Map<Object, BinaryObject> templates, Map<Object, BinaryObject> predicates) {
        StatementShape shape = t.shape();
        templates.put(QUERY_TEMPLATES.key(bin, t.id()),
            QUERY_TEMPLATES.value(bin, t.schema(), shape.kind().name(), shape.template(),
                String.join(", ", shape.tables()), String.join(", ", shape.projections()),
                String.join(", ", shape.groupBy()), Json.write(shape.predicates()), now));

        List<Predicate> preds = shape.predicates();
        for (int i = 0; i < preds.size(); i++) {
            Predicate p = preds.get(i);
            predicates.put(TEMPLATE_PREDICATES.key(bin, t.id(), i),
                TEMPLATE_PREDICATES.value(bin, p.table(), p.expression(), String.join(", ", p.columns()),
                    p.operator(), p.placeholders().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    p.onExpression(), p.disjunctive()));
        }
    }

    private static void putAll(IgniteCache<Object, BinaryObject> cache,
        Map<Object, BinaryObject> rows) {
        if (!rows.isEmpty())
            cache.putAll(rows);
    }

    /** @return non-empty buckets as {@code bucket:count} pairs */
    private static String histogram(long[] counts) {
        Map<Integer, Long> nonEmpty = new LinkedHashMap<>();
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0)
                nonEmpty.put(b, counts[b]);
        }
        return nonEmpty.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(","));
    }
}
