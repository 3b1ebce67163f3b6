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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import dev.autopilot.sql.analysis.StatementKind;
import dev.autopilot.sql.analysis.StatementShape;

/**
 * This node's query log: every execution counted and timed per template and window, a bounded sample of the
 * executions themselves, and reads and writes per table. Memory is bounded by {@link QueryLogSettings}; windows
 * leave memory once {@link QueryLogPublisher} has written them to the cluster-wide tables.
 */
public final class QueryLog implements QueryLogView {
    private final QueryLogSettings settings;
    private final LongSupplier clock;
    private final UUID node;

    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final Map<WindowKey, TemplateWindow> templateWindows = new ConcurrentHashMap<>();
    private final Map<WindowKey, TableWindow> tableWindows = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<ExecutionRecord> recent;
    private final AtomicLong seq = new AtomicLong();

    private final LongAdder executions = new LongAdder();
    private final LongAdder droppedTemplates = new LongAdder();

    /**
     * @param settings bounds
     * @param clock epoch millis; windows follow it
     * @param node this node's id
     */
    public QueryLog(QueryLogSettings settings, LongSupplier clock, UUID node) {
        this.settings = settings;
        this.clock = clock;
        this.node = node;
        this.recent = new AtomicReferenceArray<>(settings.recentCapacity());
    }

    /**
     * @return the template of {@code shape} in {@code schema}, or {@code null} when the log already tracks its
     *     maximum number of templates
     */
    public Template template(String schema, StatementShape shape) {
        Template t = Template.of(schema, shape);
        Template known = templates.get(t.id());
        if (known != null)
            return known;
        if (templates.size() >= settings.maxTemplates())
            return null;
        known = templates.putIfAbsent(t.id(), t);
        return known != null ? known : t;
    }

    /**
     * Counts one finished execution.
     *
     * @param template its template, or {@code null} when the template could not be tracked
     * @param originalSql the text the client sent
     * @param startMillis when it started
     * @param latencyMillis how long it ran
     * @param failed whether it failed
     */
    public void record(Template template, String originalSql, long startMillis, long latencyMillis, boolean failed) {
        executions.increment();
        if (template == null) {
            droppedTemplates.increment();
            return;
        }

        long window = windowOf(clock.getAsLong());
        TemplateWindow tw = templateWindows.computeIfAbsent(new WindowKey(window, template.id()),
            k -> new TemplateWindow(window, template.id()));

        if (tw.add(latencyMillis * 1000, failed, settings.samplesPerTemplateWindow())) {
            long s = seq.incrementAndGet();
            recent.set((int)(s % recent.length()), new ExecutionRecord(s, template.id(), originalSql, node,
                startMillis, latencyMillis, failed));
        }

        StatementShape shape = template.shape();
        if (shape.kind() == StatementKind.SELECT || shape.kind() == StatementKind.DML) {
            boolean write = shape.kind() == StatementKind.DML;
            for (int i = 0; i < shape.tables().size(); i++) {
                // A DML statement writes its first (target) table and reads the others.
                boolean w = write && i == 0;
                String table = shape.tables().get(i);
                tableWindows.computeIfAbsent(new WindowKey(window, table), k -> new TableWindow(window, table)).add(w);
            }
        }
    }

    /** @return the start of the window that holds {@code millis} */
    @Override public long windowOf(long millis) {
        return millis - Math.floorMod(millis, settings.windowMillis());
    }

    /** @return the start of the current window */
    @Override public long currentWindow() {
        return windowOf(clock.getAsLong());
    }

    /** @return the window length in milliseconds */
    @Override public long windowMillis() {
        return settings.windowMillis();
    }

    /** @return every template this node has seen */
    @Override public Collection<Template> templates() {
        return List.copyOf(templates.values());
    }

    /** @return the template with that id, if this node has seen it */
    @Override public Template templateById(String id) {
        return templates.get(id);
    }

    /** @return this node's statistics of every template in every window it still holds */
    @Override public List<TemplateWindowStats> windowStats() {
        List<TemplateWindowStats> out = new ArrayList<>();
        templateWindows.values().forEach(w -> out.add(w.stats(node)));
        return out;
    }

    /** @return the kept execution records, oldest first */
    @Override public List<ExecutionRecord> recent() {
        return recordsAfter(0);
    }

    /** @return kept execution records with a sequence number above {@code afterSeq}, oldest first */
    List<ExecutionRecord> recordsAfter(long afterSeq) {
        long last = seq.get();
        long first = Math.max(afterSeq + 1, last - recent.length() + 1);
        List<ExecutionRecord> out = new ArrayList<>();
        for (long s = Math.max(1, first); s <= last; s++) {
            ExecutionRecord r = recent.get((int)(s % recent.length()));
            if (r != null && r.seq() == s)
                out.add(r);
        }
        return out;
    }

    /** @return template windows that changed since the last call */
    List<TemplateWindowStats> takeChangedTemplateWindows() {
        List<TemplateWindowStats> out = new ArrayList<>();
        for (TemplateWindow w : templateWindows.values()) {
            TemplateWindowStats s = w.takeIfDirty(node);
            if (s != null)
                out.add(s);
        }
        return out;
    }

    /** @return table windows that changed since the last call */
    List<TableAccess> takeChangedTableWindows() {
        List<TableAccess> out = new ArrayList<>();
        for (TableWindow w : tableWindows.values()) {
            TableAccess a = w.takeIfDirty(node);
            if (a != null)
                out.add(a);
        }
        return out;
    }

    /** Forgets windows that started before {@code windowStart}. */
    void evictBefore(long windowStart) {
        templateWindows.keySet().removeIf(k -> k.windowStart < windowStart);
        tableWindows.keySet().removeIf(k -> k.windowStart < windowStart);
    }

    /** @return executions counted since start */
    @Override public long executions() {
        return executions.sum();
    }

    /** @return executions not attributed to a template because the template limit was reached */
    @Override public long droppedTemplates() {
        return droppedTemplates.sum();
    }

    /** @return this node's id */
    @Override public UUID node() {
        return node;
    }

    private record WindowKey(long windowStart, String id) {
    }
}
