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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.sql.StatementParser;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.capture.FinishedQuery;
import dev.autopilot.sql.capture.QueryCapture;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.log.QueryLog;
import dev.autopilot.sql.log.QueryLogSettings;

/**
 * The CPU time Autopilot spends per captured execution, without a cluster: finished-query events, as Ignite's finish
 * listener delivers them, go through the real {@link QueryCapture} and {@link QueryLog}. Measures the steady state
 * (statement texts already analyzed, as for repeated queries) and the first sight of a text (parse and analysis).
 * Writes {@code target/bench/capture_cost.json}.
 *
 * <p>Arguments (optional): {@code events=2000000 texts=64}.
 */
public final class CaptureCostBenchmark {
    private CaptureCostBenchmark() {
    }

    /** @return statement texts as Ignite registers them, differing in the constant of their expression */
    private static List<String> registeredTexts(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String sql = "SELECT L_ORDERKEY, L_EXTENDEDPRICE FROM LINEITEM WHERE L_EXTENDEDPRICE * L_DISCOUNT "
                + "BETWEEN ? AND ? AND FLOOR(L_QUANTITY / " + (i + 2) + ") = ? AND L_SHIPMODE = 'MAIL'";
            out.add(CalciteHook.plainParser().parse(sql).get(0).toString());
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("events", "2000000", "texts", "64"));
        int events = Integer.parseInt(a.get("events"));
        int texts = Integer.parseInt(a.get("texts"));

        StatementParser printed = CalciteHook.registeredTextParser();
        List<String> sqls = registeredTexts(0, texts);
        List<String> unseen = registeredTexts(texts, 2 * texts);

        QueryLog log = new QueryLog(new QueryLogSettings(60_000, 2000, 10_000, 20), System::currentTimeMillis,
            UUID.randomUUID());
        QueryCapture capture = new QueryCapture(new StatementAnalyzer(), printed, log, 4096);
        UUID node = UUID.randomUUID();

        for (int i = 0; i < events / 4; i++)
            capture.accept(new FinishedQuery(sqls.get(i % texts), "PUBLIC", node, 0, 1, false));

        long start = System.nanoTime();
        for (int i = 0; i < events; i++)
            capture.accept(new FinishedQuery(sqls.get(i % texts), "PUBLIC", node, 0, 1, false));
        double steadyNanos = (System.nanoTime() - start) / (double)events;

        long firstStart = System.nanoTime();
        for (String sql : unseen)
            capture.accept(new FinishedQuery(sql, "PUBLIC", node, 0, 1, false));
        double firstSightMicros = (System.nanoTime() - firstStart) / 1e3 / texts;

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("capture_nanos_per_execution", Math.round(steadyNanos));
        figures.put("first_sight_micros_per_statement", Math.round(firstSightMicros));
        figures.put("events", events);
        figures.put("texts", texts);
        System.out.printf(Locale.ROOT, "capture: %.0f ns per execution (steady state, %d texts), %.0f us the first "
            + "time a text is seen (parse + analysis, after warm-up); %d executions counted%n", steadyNanos, texts, firstSightMicros,
            log.executions());
        System.out.println("written to " + BenchReport.write("capture_cost", figures));
    }
}
