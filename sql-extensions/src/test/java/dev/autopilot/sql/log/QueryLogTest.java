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

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.analysis.StatementShape;
import dev.autopilot.sql.internal.CalciteHook;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node-local query log: windows follow the clock, memory stays within its bounds. */
class QueryLogTest {
    private static final long WINDOW = 10_000;

    private final AtomicLong now = new AtomicLong(1_000_000);

    private QueryLog log(int maxTemplates, int recent, int samples) {
        return new QueryLog(new QueryLogSettings(WINDOW, maxTemplates, recent, samples), now::get, UUID.randomUUID());
    }

    private static StatementShape shape(String sql) {
        return new StatementAnalyzer().analyze(CalciteHook.plainParser().parse(sql).get(0));
    }

    @Test
    void executionsAreCountedPerTemplateAndWindow() {
        QueryLog log = log(10, 100, 100);
        Template t = log.template("PUBLIC", shape("SELECT a FROM t WHERE b = 1"));

        log.record(t, "q1", now.get(), 4, false);
        log.record(t, "q2", now.get(), 8, true);
        now.addAndGet(WINDOW);
        log.record(t, "q3", now.get(), 30, false);

        List<TemplateWindowStats> stats = log.windowStats().stream()
            .sorted((x, y) -> Long.compare(x.windowStart(), y.windowStart())).toList();
        assertEquals(2, stats.size());
        assertEquals(2, stats.get(0).executions());
        assertEquals(1, stats.get(0).failures());
        assertEquals(6.0, stats.get(0).meanLatencyMillis(), 1e-9);
        assertEquals(8.0, stats.get(0).maxLatencyMillis(), 1e-9);
        assertEquals(1, stats.get(1).executions());
        assertEquals(List.of("PUBLIC.T"), t.shape().tables());
    }

    @Test
    void theSameTemplateInAnotherSchemaIsAnotherTemplate() {
        QueryLog log = log(10, 100, 100);
        StatementShape s = shape("SELECT a FROM t WHERE b = 1");

        assertEquals(log.template("PUBLIC", s).id(), log.template("PUBLIC", shape("SELECT a FROM t WHERE b = 7")).id());
        assertNotEquals(log.template("PUBLIC", s).id(), log.template("OTHER", s).id());
    }

    @Test
    void templatesBeyondTheLimitAreCountedAsDropped() {
        QueryLog log = log(1, 100, 100);
        Template first = log.template("PUBLIC", shape("SELECT a FROM t"));
        Template second = log.template("PUBLIC", shape("SELECT b FROM t"));

        log.record(second, "q", now.get(), 1, false);

        assertNull(second);
        assertEquals(1, log.templates().size());
        assertEquals(first, log.templates().iterator().next());
        assertEquals(1, log.droppedTemplates());
        assertEquals(1, log.executions());
    }

    @Test
    void samplesAreBoundedPerTemplateWindowAndByTheRing() {
        QueryLog log = log(10, 5, 3);
        Template t = log.template("PUBLIC", shape("SELECT a FROM t"));

        for (int i = 0; i < 10; i++)
            log.record(t, "q" + i, now.get(), 1, false);
        assertEquals(List.of("q0", "q1", "q2"), log.recent().stream().map(ExecutionRecord::originalSql).toList());

        now.addAndGet(WINDOW);
        for (int i = 10; i < 13; i++)
            log.record(t, "q" + i, now.get(), 1, false);
        assertEquals(List.of("q1", "q2", "q10", "q11", "q12"),
            log.recent().stream().map(ExecutionRecord::originalSql).toList(), "ring of 5 keeps the newest");
        assertEquals(13, log.windowStats().stream().mapToLong(TemplateWindowStats::executions).sum());
    }

    @Test
    void publishedWindowsLeaveMemoryOnceOver() {
        QueryLog log = log(10, 100, 100);
        Template t = log.template("PUBLIC", shape("UPDATE t SET a = 1 WHERE b = 2"));
        log.record(t, "u", now.get(), 1, false);

        assertEquals(1, log.takeChangedTemplateWindows().size());
        assertTrue(log.takeChangedTemplateWindows().isEmpty(), "nothing changed since");
        TableAccess access = log.takeChangedTableWindows().get(0);
        assertEquals(List.of(0L, 1L), List.of(access.reads(), access.writes()));

        now.addAndGet(2 * WINDOW);
        log.evictBefore(log.currentWindow() - WINDOW);
        assertTrue(log.windowStats().isEmpty());
    }

    @Test
    void p95ComesFromTheHistogramWithinItsResolution() {
        QueryLog log = log(10, 100, 100);
        Template t = log.template("PUBLIC", shape("SELECT a FROM t"));
        for (int i = 1; i <= 100; i++)
            log.record(t, "q", now.get(), i, false);

        double p95 = log.windowStats().get(0).p95LatencyMillis();
        assertTrue(p95 >= 95 && p95 <= 95 * 1.2, "p95 " + p95);
    }
}
