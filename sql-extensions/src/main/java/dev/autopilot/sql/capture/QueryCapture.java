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
 * not filed, and then keeping it, on one line, as the statement's text) and counts the execution in the query log. Statements on Autopilot's own tables and system views are not counted.
 */
public final class QueryCapture implements StatementHook, Consumer<FinishedQuery> {
    private final StatementAnalyzer analyzer;
    private final StatementParser parser;
    private final QueryLog log;
    private final int maxStatements;
    private final Map<String, Analyzed> analyzed = new ConcurrentHashMap<>();

    private final LongAdder analysisFailures = new LongAdder();

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

    @Override public void accept(FinishedQuery q) {
        Analyzed a = analyzed.get(q.sql());
        if (a == null) {
            a = analyzePrinted(q.sql());
            if (a == null)
                return;
        }
        if (isInternal(q.schema(), a.shape))
            return;

        log.record(a.template(q.schema(), log), a.originalSql, q.startMillis(), q.latencyMillis(), q.failed());
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

    private static boolean isInternal(String schema, StatementShape shape) {
        if (shape.tables().isEmpty())
            return SystemTable.isInternalSchema(schema);
        for (String table : shape.qualified(schema).tables()) {
            int dot = table.lastIndexOf('.');
            if (dot < 0 || !SystemTable.isInternalSchema(table.substring(0, dot)))
                return false;
        }
        return true;
    }

    /** A statement's analysis, with the template it had in the schema it last ran in. */
    private static final class Analyzed {
        final String originalSql;
        final StatementShape shape;
        private volatile Template lastTemplate;

        Analyzed(String originalSql, StatementShape shape) {
            this.originalSql = originalSql;
            this.shape = shape;
        }

        Template template(String schema, QueryLog log) {
            Template t = lastTemplate;
            if (t != null && Objects.equals(t.schema(), schema))
                return t;
            t = log.template(schema, shape);
            lastTemplate = t;
            return t;
        }
    }
}
