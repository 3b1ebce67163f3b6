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

package dev.autopilot.sql.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.cache.Cache;
import dev.autopilot.sql.derived.DerivedValueException;
import dev.autopilot.sql.derived.DerivedValueFunction;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.ScanQuery;
import dev.autopilot.testkit.IgniteClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiled derived values against Ignite SQL itself, on a real two-node cluster: for every expression and every row
 * the compiled value must equal what {@code SELECT <expr>} returns (BigDecimal scale included), be null where SQL is
 * null and fail exactly where SQL fails; and a column of the reported type, filled by {@code UPDATE}, must hold the
 * compiled value unchanged.
 */
class DerivedValueCompilerTest {
    private static final int ROWS = 300;

    /** Expressions over T1 (single-column key ID). */
    private static final List<String> EXPRESSIONS = List.of(
        "I * I2", "FLOOR(I / 100)", "I / 7", "D1 * D2", "D1 / D2", "MOD(I, 7)", "EXTRACT(YEAR FROM DT)",
        "UPPER(S)", "SUBSTRING(S, 1, 2)", "COALESCE(I, 0) + 1", "CASE WHEN I > 0 THEN 1 ELSE 0 END",
        "CAST(D1 AS DOUBLE) * 2", "I + 1", "L * 2", "L + I", "TI + SI", "TI * TI", "DB * R", "DB / I", "R + 1",
        "D1 + D2", "D1 - I", "ROUND(D1 * 1.5, 1)", "D1 * 0.01", "ABS(I)", "CAST(I AS BIGINT) * I2",
        "DT + INTERVAL '1' MONTH", "CHAR_LENGTH(S)", "S || '-' || CAST(I AS VARCHAR)",
        "CASE WHEN S IS NULL THEN 'none' ELSE 'some' END", "ID * 1000 + MOD(I, 1000)", "L / I", "CAST(D1 AS INT)",
        "I > I2", "NULLIF(I, 0)", "POWER(DB, 2)", "FLOOR(D1)", "CEIL(D1 / 3)", "D1 * DB", "SI / TI",
        "CAST(DB AS DECIMAL(20, 4))", "-I", "L - 1");

    /** Expressions over T2 (composite key K1, K2). */
    private static final List<String> COMPOSITE_KEY_EXPRESSIONS = List.of(
        "K1 * 10 + V", "K2 || 'x'", "UPPER(K2) || CAST(V AS VARCHAR)", "V / K1");

    @RegisterExtension
    static final IgniteClusterExtension CLUSTER = new IgniteClusterExtension(2);

    /** Keeps the timed evaluations from being optimized away. */
    private static volatile int sink;

    @BeforeAll
    static void createTables() {
        CLUSTER.sql("CREATE TABLE T1 (ID INT PRIMARY KEY, TI TINYINT, SI SMALLINT, I INT, I2 INT, L BIGINT, "
            + "D1 DECIMAL(15, 2), D2 DECIMAL(15, 2), DB DOUBLE, R REAL, S VARCHAR, DT DATE) "
            + "WITH \"CACHE_NAME=T1,VALUE_TYPE=T1_VAL,BACKUPS=1\"");
        CLUSTER.sql("CREATE TABLE T2 (K1 INT, K2 VARCHAR, V INT, PRIMARY KEY (K1, K2)) "
            + "WITH \"CACHE_NAME=T2,KEY_TYPE=T2_KEY,VALUE_TYPE=T2_VAL\"");
        Random rnd = new Random(42);
        for (int id = 0; id < ROWS; id++) {
            CLUSTER.sql("INSERT INTO T1 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                pick(rnd, null, (byte)0, (byte)1, (byte)-1, Byte.MAX_VALUE, Byte.MIN_VALUE, (byte)rnd.nextInt()),
                pick(rnd, null, (short)0, (short)-7, Short.MAX_VALUE, Short.MIN_VALUE, (short)rnd.nextInt()),
                pick(rnd, null, 0, 1, -1, 7, -150, 150, 99, -99, Integer.MAX_VALUE, Integer.MIN_VALUE, rnd.nextInt(),
                    rnd.nextInt(2000) - 1000),
                pick(rnd, null, 0, 2, -3, Integer.MAX_VALUE, rnd.nextInt(100) - 50, rnd.nextInt()),
                pick(rnd, null, 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, rnd.nextLong(), (long)rnd.nextInt(1000)),
                pick(rnd, null, new BigDecimal("0.00"), new BigDecimal("9999999999999.99"),
                    new BigDecimal("-9999999999999.99"), new BigDecimal("0.01"), new BigDecimal("-123.45"),
                    BigDecimal.valueOf(rnd.nextInt(1_000_000) - 500_000, 2)),
                pick(rnd, null, new BigDecimal("0.00"), new BigDecimal("3.00"), new BigDecimal("-0.07"),
                    new BigDecimal("1234567890123.45"), BigDecimal.valueOf(rnd.nextInt(100_000), 2)),
                pick(rnd, null, 0.0, -0.0, 1.5, -2.25, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN,
                    Double.POSITIVE_INFINITY, rnd.nextGaussian() * 1e6),
                pick(rnd, null, 0f, 1.1f, -3.5f, Float.MAX_VALUE, (float)rnd.nextGaussian()),
                pick(rnd, null, "", "a", "abc", "Hello World", "ünïcødé", "x" + rnd.nextInt(1000)),
                pick(rnd, null, Date.valueOf("1970-01-01"), Date.valueOf("2000-02-29"), Date.valueOf("1969-12-31"),
                    Date.valueOf("1900-06-15"), Date.valueOf("2024-01-31"),
                    new Date(Date.valueOf("2020-01-01").getTime() + rnd.nextInt(3000) * 86_400_000L)));
        }
        for (int k = 0; k < 40; k++) {
            CLUSTER.sql("INSERT INTO T2 VALUES (?, ?, ?)", k % 5 - 2, "k" + k,
                pick(rnd, null, 0, 5, -5, Integer.MAX_VALUE, rnd.nextInt()));
        }
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, T... choices) {
        return choices[rnd.nextInt(choices.length)];
    }

    @Test
    void compiledValuesMatchSqlOnEveryRow() {
        Map<Object, Map.Entry<Object, BinaryObject>> t1 = entries("T1", key -> key);
        Map<Object, Map.Entry<Object, BinaryObject>> t2 = entries("T2", key -> ((BinaryObject)key).field("K1")
            + "|" + ((BinaryObject)key).field("K2"));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String expr : EXPRESSIONS)
            checked += compare("T1", "ID", expr, t1, mismatches);
        for (String expr : COMPOSITE_KEY_EXPRESSIONS)
            checked += compare("T2", "CAST(K1 AS VARCHAR) || '|' || K2", expr, t2, mismatches);
        int expressions = EXPRESSIONS.size() + COMPOSITE_KEY_EXPRESSIONS.size();
        System.out.printf("exactness: %d expressions x %d rows, %d mismatches (%d comparisons)%n", expressions,
            ROWS, mismatches.size(), checked);
        mismatches.stream().limit(40).forEach(System.out::println);
        assertEquals(List.of(), mismatches.stream().limit(20).collect(Collectors.toList()));
    }

    /** The comparison itself can fail: integer division compiled, decimal division asked of SQL. */
    @Test
    void comparisonDetectsADifferentExpression() {
        DerivedValueFunction fn = DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "I / 7");
        Map<Object, Object> sql = sqlValues("T1", "ID", "I / 7.0");
        long differ = entries("T1", key -> key).entrySet().stream()
            .filter(e -> !Objects.equals(sql.get(e.getKey()), fn.evaluate(e.getValue().getKey(), e.getValue().getValue())))
            .count();
        assertTrue(differ > ROWS / 2, "expected most rows to differ, " + differ + " did");
    }

    /**
     * One column per expression, of the reported type, added by one {@code ALTER TABLE} and filled by SQL
     * {@code UPDATE}: one statement for the expressions that fail on no row, one per other expression, which skips
     * the rows where it fails. (Not a {@code CASE} around the expression: its type would rescale a DECIMAL division,
     * which plain SQL does not.)
     */
    @Test
    void columnOfTheReportedTypeHoldsTheCompiledValue() {
        Map<Object, Map.Entry<Object, BinaryObject>> rows = entries("T1", key -> key);
        List<DerivedValueFunction> fns = EXPRESSIONS.stream()
            .map(expr -> DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", expr))
            .collect(Collectors.toList());
        List<Map<Object, Object>> expected = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (int n = 0; n < fns.size(); n++) {
            DerivedValueFunction fn = fns.get(n);
            Map<Object, Object> values = new HashMap<>();
            List<Object> failing = new ArrayList<>();
            rows.forEach((id, e) -> {
                Object v = outcome(() -> fn.evaluate(e.getKey(), e.getValue()));
                if (v == FAILED)
                    failing.add(id);
                else
                    values.put(id, v);
            });
            expected.add(values);
            columns.add("STORED_" + n + ' ' + fn.columnType());
            String assignment = "STORED_" + n + " = " + fn.expression();
            if (failing.isEmpty())
                assignments.add(assignment);
            else {
                // Not "NOT IN (...)": a long IN list is planned as a join, which takes the planner seconds.
                updates.add("UPDATE T1 SET " + assignment + " WHERE " + failing.stream().map(id -> "ID <> " + id)
                    .collect(Collectors.joining(" AND ")));
            }
        }
        updates.add("UPDATE T1 SET " + String.join(", ", assignments));
        CLUSTER.sql("ALTER TABLE T1 ADD COLUMN (" + String.join(", ", columns) + ')');
        updates.forEach(CLUSTER::sql);

        List<String> mismatches = new ArrayList<>();
        String select = IntStream.range(0, fns.size()).mapToObj(n -> "STORED_" + n).collect(Collectors.joining(", "));
        for (List<?> row : CLUSTER.sql("SELECT ID, " + select + " FROM T1")) {
            for (int n = 0; n < fns.size(); n++) {
                Object want = expected.get(n).get(row.get(0));
                if (!same(want, row.get(n + 1)))
                    mismatches.add(fns.get(n) + " ID=" + row.get(0) + ": stored " + describe(row.get(n + 1))
                        + ", compiled " + describe(want));
            }
        }
        System.out.printf("column types: %d expressions x %d rows stored, %d mismatches%n", EXPRESSIONS.size(),
            ROWS, mismatches.size());
        mismatches.stream().limit(40).forEach(System.out::println);
        assertEquals(List.of(), mismatches.stream().limit(20).collect(Collectors.toList()));
    }

    @Test
    void reportsTypesAndColumns() {
        assertEquals("BIGINT", DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "L * 2").columnType());
        assertEquals("INT", DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "I / 7").columnType());
        DerivedValueFunction product = DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "D1 * D2");
        assertEquals("DECIMAL(30, 4)", product.columnType());
        assertEquals(List.of("D1", "D2"), product.columns());
        assertEquals(new BigDecimal("-0.2100"),
            product.evaluate(new Object[] {new BigDecimal("3.00"), new BigDecimal("-0.07")}));
        assertEquals("DATE", DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "DT + INTERVAL '1' DAY")
            .columnType());
    }

    @Test
    void refusesWhatIsNotARowLevelExpressionWithAColumnType() {
        assertThrows(IllegalArgumentException.class,
            () -> DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "SUM(I)"));
        assertThrows(IllegalArgumentException.class,
            () -> DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "NO_SUCH_COLUMN + 1"));
        assertThrows(IllegalArgumentException.class,
            () -> DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "I FROM T1; DROP TABLE T1"));
        assertThrows(IllegalArgumentException.class,
            () -> DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", "DT - DATE '2000-01-01'"));
    }

    /** Prints what compiling and evaluating cost; asserts nothing about time. */
    @Test
    void evaluationCost() {
        List<Map.Entry<Object, BinaryObject>> rows = new ArrayList<>(entries("T1", key -> key).values());
        for (String expr : List.of("I * I2", "FLOOR(I / 100)", "D1 * D2", "D1 / D2", "UPPER(S)",
            "EXTRACT(YEAR FROM DT)", "L * 2", "CAST(D1 AS DOUBLE) * 2")) {
            long t0 = System.nanoTime();
            DerivedValueFunction fn = DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", expr);
            long firstCompileNanos = System.nanoTime() - t0;
            long compileNanos = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                t0 = System.nanoTime();
                DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", expr);
                compileNanos = Math.min(compileNanos, System.nanoTime() - t0);
            }
            List<Map.Entry<Object, BinaryObject>> ok = new ArrayList<>();
            List<Map.Entry<Object, BinaryObject>> failing = new ArrayList<>();
            for (Map.Entry<Object, BinaryObject> e : rows)
                (outcome(() -> fn.evaluate(e.getKey(), e.getValue())) == FAILED ? failing : ok).add(e);
            System.out.printf("cost: %-24s compile %5.1f ms (again %4.1f ms), evaluate %4.0f ns per row (%d rows), "
                + "%5.0f ns per failing row (%d rows)%n", expr, firstCompileNanos / 1e6, compileNanos / 1e6,
                nanosPerRow(fn, ok), ok.size(),
                nanosPerRow(fn, failing), failing.size());
        }
    }

    /** @return the mean time of one evaluation over {@code rows}, after as many rounds of warm-up */
    private static double nanosPerRow(DerivedValueFunction fn, List<Map.Entry<Object, BinaryObject>> rows) {
        if (rows.isEmpty())
            return Double.NaN;
        int rounds = Math.max(1, 200_000 / rows.size());
        long start = 0;
        for (int round = 0; round < 2 * rounds; round++) {
            if (round == rounds)
                start = System.nanoTime();
            for (Map.Entry<Object, BinaryObject> e : rows)
                sink += Objects.hashCode(outcome(() -> fn.evaluate(e.getKey(), e.getValue())));
        }
        return (System.nanoTime() - start) / ((double)rounds * rows.size());
    }

    /** One instance serves many threads, as interceptors on striped threads will use it. */
    @Test
    void oneInstanceIsSafeOnManyThreads() throws Exception {
        List<Map.Entry<Object, BinaryObject>> rows = new ArrayList<>(entries("T1", key -> key).values());
        for (String expr : List.of("D1 / D2", "I * I2", "S || '-' || CAST(I AS VARCHAR)", "DT + INTERVAL '1' MONTH")) {
            DerivedValueFunction fn = DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", "T1", expr);
            List<Object> expected = rows.stream().map(e -> outcome(() -> fn.evaluate(e.getKey(), e.getValue())))
                .collect(Collectors.toList());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> differing = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    differing.add(pool.submit(() -> {
                        int n = 0;
                        for (int round = 0; round < 50; round++) {
                            for (int i = 0; i < rows.size(); i++) {
                                Map.Entry<Object, BinaryObject> e = rows.get(i);
                                if (!Objects.equals(expected.get(i), outcome(() -> fn.evaluate(e.getKey(), e.getValue()))))
                                    n++;
                            }
                        }
                        return n;
                    }));
                }
                for (Future<Integer> f : differing)
                    assertEquals(0, f.get(), expr);
            }
            finally {
                pool.shutdown();
            }
        }
    }

    private int compare(String table, String keyExpr, String expr, Map<Object, Map.Entry<Object, BinaryObject>> rows,
        List<String> mismatches) {
        DerivedValueFunction fn = DerivedValueCompiler.compile(CLUSTER.node(0), "PUBLIC", table, expr);
        System.out.println("type: " + table + ": " + fn);
        Map<Object, Object> sql = sqlValues(table, keyExpr, expr);
        Map<Object, Object[]> columnValues = columnValues(table, keyExpr, fn.columns());
        for (Map.Entry<Object, Map.Entry<Object, BinaryObject>> row : rows.entrySet()) {
            Object want = sql.get(row.getKey());
            Object fromEntry = outcome(() -> fn.evaluate(row.getValue().getKey(), row.getValue().getValue()));
            Object fromColumns = outcome(() -> fn.evaluate(columnValues.get(row.getKey())));
            if (!same(want, fromEntry) || !same(want, fromColumns))
                mismatches.add(table + ": " + expr + " key=" + row.getKey() + ": SQL " + describe(want) + ", compiled "
                    + describe(fromEntry) + ", from columns " + describe(fromColumns));
        }
        assertEquals(rows.keySet(), sql.keySet());
        return rows.size();
    }

    /** Marks a row where evaluation failed; SQL failures are marked the same way. */
    private static final Object FAILED = new Object() {
        @Override public String toString() {
            return "<error>";
        }
    };

    private static Object outcome(java.util.function.Supplier<Object> evaluation) {
        try {
            return evaluation.get();
        }
        catch (DerivedValueException e) {
            return FAILED;
        }
    }

    private static boolean same(Object sql, Object compiled) {
        return Objects.equals(sql, compiled) && (sql == null || sql.getClass() == compiled.getClass());
    }

    private static String describe(Object v) {
        return v == null || v == FAILED ? String.valueOf(v) : v + " (" + v.getClass().getSimpleName()
            + (v instanceof BigDecimal ? " scale " + ((BigDecimal)v).scale() : "") + ')';
    }

    /** @return the SQL value of {@code expr} per row key, {@link #FAILED} where SQL fails on the row */
    private static Map<Object, Object> sqlValues(String table, String keyExpr, String expr) {
        Map<Object, Object> res = new HashMap<>();
        try {
            for (List<?> row : CLUSTER.sql("SELECT " + keyExpr + ", " + expr + " FROM " + table))
                res.put(row.get(0), row.get(1));
            return res;
        }
        catch (RuntimeException whole) {
            for (List<?> key : CLUSTER.sql("SELECT " + keyExpr + " FROM " + table)) {
                try {
                    res.put(key.get(0), CLUSTER.sql("SELECT " + expr + " FROM " + table + " WHERE " + keyExpr + " = ?",
                        key.get(0)).get(0).get(0));
                }
                catch (RuntimeException e) {
                    res.put(key.get(0), FAILED);
                }
            }
            return res;
        }
    }

    private static Map<Object, Object[]> columnValues(String table, String keyExpr, List<String> columns) {
        Map<Object, Object[]> res = new HashMap<>();
        for (List<?> row : CLUSTER.sql("SELECT " + keyExpr + (columns.isEmpty() ? "" : ", " + String.join(", ", columns))
            + " FROM " + table))
            res.put(row.get(0), row.subList(1, row.size()).toArray());
        return res;
    }

    /** @return the table's cache entries, keep-binary, as an interceptor sees them, by row key */
    private static Map<Object, Map.Entry<Object, BinaryObject>> entries(String cacheName,
        java.util.function.Function<Object, Object> rowKey) {
        IgniteCache<Object, BinaryObject> cache = CLUSTER.node(0).cache(cacheName).withKeepBinary();
        Map<Object, Map.Entry<Object, BinaryObject>> res = new LinkedHashMap<>();
        for (Cache.Entry<Object, BinaryObject> e : cache.query(new ScanQuery<Object, BinaryObject>()).getAll())
            res.put(rowKey.apply(e.getKey()), Map.entry(e.getKey(), e.getValue()));
        return res;
    }
}
