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

package dev.autopilot.examples.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.sql.StatementParser;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.capture.FinishedQuery;
import dev.autopilot.sql.capture.QueryCapture;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.log.QueryLog;
import dev.autopilot.sql.log.QueryLogSettings;
import dev.autopilot.sql.rewrite.QueryRewriter;
import dev.autopilot.sql.rewrite.Rewrite;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.calcite.sql.SqlNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH: what Autopilot adds to each query, without a cluster. {@code capture}: one finished execution of an already
 * analyzed statement through the real {@link QueryCapture} and {@link QueryLog} (what every execution pays, on the
 * finish listener); {@code firstSight}: the same for a statement text the capture has not analyzed yet (it parses and
 * analyzes the text; its template is already in the log), what a query pays when the parser hook did not see it;
 * {@code rewrite}: the rewriter on a parsed statement against a layout with a READY derived column (what a
 * plan-cache miss pays beyond parsing); {@code parseAndRewrite}: parsing with Ignite's grammar plus the rewrite, the
 * whole work of the parser hook on a miss. {@link #main} runs them and writes {@code target/bench/jmh_query_cost.json}.
 * The project measures these costs here only, in JMH (warm-up, forks, error bars), not in hand-timed loops.
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests &amp;&amp; mvn -B -ntp -q -pl examples exec:exec -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath dev.autopilot.examples.bench.QueryCostBenchmark"
 * </pre>
 *
 * <p>Arguments (optional): {@code forks=1 warmups=5 iterations=5 seconds=2}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryCostBenchmark {
    private static final String QUERY = "SELECT L_ORDERKEY, L_EXTENDEDPRICE FROM LINEITEM "
        + "WHERE L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ? AND ? AND L_SHIPMODE = ?";

    private static final int TEXTS = 64;

    private QueryCapture capture;
    /** Remembers one statement text, so that each of the {@value #TEXTS} texts, taken in turn, is new to it. */
    private QueryCapture forgetful;
    private List<String> texts;
    private UUID node;
    private int next;
    private QueryRewriter rewriter;
    private LayoutSnapshot layouts;
    private SqlNode statement;
    private StatementParser parser;

    @Setup
    public void setUp() {
        parser = CalciteHook.plainParser();
        texts = new ArrayList<>();
        for (int i = 0; i < TEXTS; i++) {
            texts.add(parser.parse("SELECT L_ORDERKEY, L_EXTENDEDPRICE FROM LINEITEM WHERE L_EXTENDEDPRICE "
                + "* L_DISCOUNT BETWEEN ? AND ? AND FLOOR(L_QUANTITY / " + (i + 2) + ") = ? AND L_SHIPMODE = 'MAIL'")
                .get(0).toString());
        }
        capture = new QueryCapture(new StatementAnalyzer(), CalciteHook.registeredTextParser(),
            new QueryLog(new QueryLogSettings(60_000, 2000, 10_000, 20), System::currentTimeMillis, UUID.randomUUID()),
            4096);
        node = UUID.randomUUID();
        for (String t : texts)
            capture.accept(new FinishedQuery(t, "PUBLIC", node, 0, 1, false));
        forgetful = new QueryCapture(new StatementAnalyzer(), CalciteHook.registeredTextParser(),
            new QueryLog(new QueryLogSettings(60_000, 2000, 10_000, 20), System::currentTimeMillis, UUID.randomUUID()),
            1);

        rewriter = QueryRewriter.create();
        layouts = lineitemLayout();
        statement = parser.parse(QUERY).get(0);
        if (!rewriter.rewrite(statement, layouts).changed())
            throw new IllegalStateException("The benchmark statement is not rewritten");
    }

    @Benchmark
    public void capture() {
        capture.accept(new FinishedQuery(texts.get(next++ & (TEXTS - 1)), "PUBLIC", node, 0, 1, false));
    }

    @Benchmark
    public void firstSight() {
        forgetful.accept(new FinishedQuery(texts.get(next++ & (TEXTS - 1)), "PUBLIC", node, 0, 1, false));
    }

    @Benchmark
    public Rewrite rewrite() {
        return rewriter.rewrite(statement, layouts);
    }

    @Benchmark
    public Rewrite parseAndRewrite() {
        return rewriter.rewrite(parser.parse(QUERY).get(0), layouts);
    }

    /** LINEITEM with {@code L_EXTENDEDPRICE * L_DISCOUNT} as a READY derived column and an index on it. */
    private static LayoutSnapshot lineitemLayout() {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        for (String c : List.of("L_ORDERKEY BIGINT", "L_LINENUMBER INT", "L_QUANTITY DECIMAL(15,2)",
            "L_EXTENDEDPRICE DECIMAL(15,2)", "L_DISCOUNT DECIMAL(15,2)", "L_SHIPMODE VARCHAR(10)")) {
            int sp = c.indexOf(' ');
            columns.put(c.substring(0, sp), ColumnType.parse(c.substring(sp + 1)));
        }
        TableSchema t = new TableSchema("PUBLIC.LINEITEM", "LINEITEM", columns, List.of("L_ORDERKEY", "L_LINENUMBER"),
            List.of());
        DerivedColumn d = new DerivedColumn("AP_DISC_PRICE",
            DerivedExpression.parse("L_EXTENDEDPRICE * L_DISCOUNT", t, "benchmark"), ColumnState.READY);
        return new LayoutSnapshot(1, List.of(new PartitionLayout(t, 1, List.of(d),
            List.of(new LayoutIndex("AP_IDX_DISC_PRICE", List.of("AP_DISC_PRICE"))), true)));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("forks", "1", "warmups", "5", "iterations", "5",
            "seconds", "2"));
        TimeValue time = TimeValue.seconds(Long.parseLong(a.get("seconds")));
        Collection<RunResult> results = new Runner(new OptionsBuilder()
            .include(QueryCostBenchmark.class.getName() + "\\.")
            .forks(Integer.parseInt(a.get("forks")))
            .warmupIterations(Integer.parseInt(a.get("warmups"))).warmupTime(time)
            .measurementIterations(Integer.parseInt(a.get("iterations"))).measurementTime(time)
            .build()).run();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(QueryCostBenchmark.class.getName().length() + 1);
            String key = method.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            figures.put(key + "_nanos_per_query", Math.round(r.getPrimaryResult().getScore() * 10) / 10.0);
            figures.put(key + "_nanos_error", Math.round(r.getPrimaryResult().getScoreError() * 10) / 10.0);
        }
        figures.put("forks", Integer.parseInt(a.get("forks")));
        System.out.println("written to " + BenchReport.write("jmh_query_cost", figures));
    }
}
