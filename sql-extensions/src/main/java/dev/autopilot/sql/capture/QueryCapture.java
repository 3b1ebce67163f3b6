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

package dev.autopilot.sql.capture;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import dev.autopilot.sql.StatementHook;
import dev.autopilot.sql.StatementParser;
import dev.autopilot.sql.analysis.SqlPrinter;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.analysis.StatementShape;
import dev.autopilot.sql.log.QueryLog;
import dev.autopilot.sql.log.Template;
import dev.autopilot.sql.tables.SystemTable;
import org.apache.calcite.sql.SqlNode;

/**
 * Connects the two places Ignite shows a statement: the parser, which sees a statement's text and tree once per
 * plan-cache miss, and the finish listener, which sees every execution but only the text Ignite registered for it
 * (the tree printed back). The parser side, when installed, analyzes the tree and files the result under that
 * printed text with the client's own text; the finish side looks it up (parsing the printed text itself when it was
 * not filed, and then keeping it, on one line, as the statement's text) and counts the execution in the query log.
 * Statements on Autopilot's own tables and system views, and those Autopilot runs itself ({@link OwnStatements}), are
 * not counted.
 */
public final class QueryCapture implements StatementHook, Consumer<FinishedQuery> {
    private final StatementAnalyzer analyzer;
    private final StatementParser parser;
    private final QueryLog log;
    private final int maxStatements;
    private final Map<String, Analyzed> analyzed = new ConcurrentHashMap<>();

    private final LongAdder analysisFailures = new LongAdder();
    private final LongAdder internalSkipped = new LongAdder();

    /**
     * @param analyzer reads statements
     * @param parser parses printed statement text when the parser side did not see it
     * @param log where executions are counted
     * @param maxStatements how many distinct statement texts to remember
     */
    public QueryCapture(StatementAnalyzer analyzer, StatementParser parser, QueryLog log, int maxStatements) {
        this.analyzer = analyzer;
        this.parser = parser;
        this.log = log;
        this.maxStatements = maxStatements;
    }

    @Override public SqlNode onParsed(String originalSql, SqlNode stmt) {
        try {
            remember(stmt.toString(), new Analyzed(originalSql, analyzer.analyze(stmt)));
        }
        catch (RuntimeException e) {
            analysisFailures.increment();
        }
        return stmt;
    }

    /**
     * Files a rewritten statement under the analysis of the statement it was rewritten from: Ignite registers the
     * rewritten tree printed back, and its executions belong to the client's statement, not to a new template.
     *
     * @param originalPrinted the statement's tree as parsed, printed back
     * @param rewritten what the rewriter made of it
     */
    public void onRewritten(String originalPrinted, SqlNode rewritten) {
        Analyzed a = analyzed.get(originalPrinted);
        if (a != null)
            remember(rewritten.toString(), a);
    }

    @Override public void accept(FinishedQuery q) {
        Analyzed a = analyzed.get(q.sql());
        if (a == null) {
            a = analyzePrinted(q.sql());
            if (a == null)
                return;
        }
        if (a.own) {
            internalSkipped.increment();
            return;
        }
        InSchema in = a.in(q.schema(), log);
        if (in.internal()) {
            internalSkipped.increment();
            return;
        }

        log.record(in.template(), a.originalSql, q.startMillis(), q.latencyMillis(), q.failed());
    }

    /**
     * @return executions on Ignite's or Autopilot's own tables, and of Autopilot's own statements
     *     ({@link OwnStatements}), not counted as workload
     */
    public long internalSkipped() {
        return internalSkipped.sum();
    }

    /** @return statements whose analysis failed since start */
    public long analysisFailures() {
        return analysisFailures.sum();
    }

    private Analyzed analyzePrinted(String sql) {
        try {
            List<SqlNode> stmts = parser.parse(sql);
            if (stmts.size() != 1)
                return null;
            Analyzed a = new Analyzed(SqlPrinter.print(stmts.get(0)), analyzer.analyze(stmts.get(0)));
            remember(sql, a);
            return a;
        }
        catch (RuntimeException e) {
            analysisFailures.increment();
            return null;
        }
    }

    private void remember(String printed, Analyzed a) {
        if (analyzed.size() >= maxStatements) {
            Iterator<String> it = analyzed.keySet().iterator();
            if (it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        analyzed.put(printed, a);
    }

    /**
     * What a statement is in one schema: whether it touches only Ignite's or Autopilot's own tables, and otherwise
     * its template ({@code null} when the log's template limit was reached).
     */
    private record InSchema(String schema, boolean internal, Template template) {
    }

    /** A statement's analysis, with what it was in the schema it last ran in (repeated executions reuse it). */
    private static final class Analyzed {
        final String originalSql;
        final StatementShape shape;
        /** Whether Autopilot ran it itself ({@link OwnStatements}): never workload. */
        final boolean own;
        private volatile InSchema last;

        Analyzed(String originalSql, StatementShape shape) {
            this.originalSql = originalSql;
            this.shape = shape;
            this.own = OwnStatements.marked(originalSql);
        }

        InSchema in(String schema, QueryLog log) {
            InSchema l = last;
            if (l != null && Objects.equals(l.schema(), schema))
                return l;
            boolean internal = isInternal(schema, shape.qualified(schema));
            l = new InSchema(schema, internal, internal ? null : log.template(schema, shape));
            last = l;
            return l;
        }

        private static boolean isInternal(String schema, StatementShape qualified) {
            if (qualified.tables().isEmpty())
                return SystemTable.isInternalSchema(schema);
            for (String table : qualified.tables()) {
                int dot = table.lastIndexOf('.');
                if (dot < 0 || !SystemTable.isInternalSchema(table.substring(0, dot)))
                    return false;
            }
            return true;
        }
    }
}
