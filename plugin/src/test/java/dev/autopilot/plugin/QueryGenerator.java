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

package dev.autopilot.plugin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random SELECT statements over the differential test's table {@code %T} (to be replaced by a table name) and U, in the
 * shapes the rewriter must handle: expressions in any spelling in predicates, projections, aggregates, GROUP BY and
 * ORDER BY, parameters, aliases, joins and subqueries. Each statement comes with its parameter values and whether its
 * ORDER BY makes the row order total.
 */
final class QueryGenerator {
    /** A statement to run, its parameters, and whether rows must match in order. */
    record Query(String sql, List<Object> params, boolean ordered) {
    }

    /** Spellings of each derived expression, over an alias {@code %s}. */
    private static final String[][] DERIVED = {
        {"%s.A * %s.B", "%s.B * %s.A", "(%s.A * %s.B)", "%s.a*%s.b"},
        {"FLOOR(%s.C / 10)", "floor(%s.c / 10)", "FLOOR((%s.C) / 10)"},
        {"%s.P * (1 - %s.Q)", "(1 - %s.Q) * %s.P", "%s.p*(1-%s.q)"},
        {"%s.P * %s.Q", "%s.Q * %s.P", "%s.p*%s.q"},
        {"FLOOR(%s.P / 100)", "floor(%s.p / 100)"},
    };

    /** Expressions no layout holds: the rewriter must leave them. */
    private static final String[] PLAIN = {"%s.A + %s.B", "%s.C * 2", "%s.A", "%s.C", "FLOOR(%s.C / 7)", "%s.P"};

    private final Random rnd;

    QueryGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /** @return a statement shape with {@code variants} parameter sets (so that plans are reused as in real use) */
    List<Query> next(int variants) {
        int shape = rnd.nextInt(7);
        String template = switch (shape) {
            case 0 -> filter("t", "SELECT t.ID, %E FROM %T t WHERE %P ORDER BY t.ID");
            case 1 -> filter("", "SELECT ID, %E AS X FROM %T WHERE %P");
            case 2 -> aggregate();
            case 3 -> join();
            case 4 -> subquery();
            case 5 -> filter("t", "SELECT * FROM %T t WHERE %P");
            default -> filter("t", "SELECT %E, COUNT(*) FROM %T t WHERE %P GROUP BY %E");
        };
        boolean ordered = template.contains("ORDER BY t.ID") || template.contains("ORDER BY 1, 2");
        List<Query> out = new ArrayList<>();
        int params = count(template, '?');
        for (int v = 0; v < variants; v++) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < params; i++)
                values.add(parameter());
            out.add(new Query(template, values, ordered));
        }
        return out;
    }

    private String filter(String alias, String shape) {
        String e = expression(alias);
        return shape.replace("%E", e).replace("%P", predicate(alias));
    }

    private String aggregate() {
        String group = expression("t");
        String measure = expression("t");
        String agg = pick("SUM", "MIN", "MAX", "COUNT");
        return "SELECT " + group + ", " + agg + "(" + measure + ") FROM %T t WHERE " + predicate("t") + " GROUP BY "
            + group + (rnd.nextBoolean() ? " HAVING COUNT(*) > 0" : "") + " ORDER BY 1, 2";
    }

    private String join() {
        return "SELECT t.ID, u.K, " + expression("t") + " FROM %T t JOIN U u ON t.C = u.K WHERE " + predicate("t")
            + (rnd.nextBoolean() ? " AND u.W > ?" : "");
    }

    private String subquery() {
        return "SELECT t.ID FROM %T t WHERE t.ID IN (SELECT t2.ID FROM %T t2 WHERE " + predicate("t2") + ") AND "
            + predicate("t");
    }

    private String predicate(String alias) {
        String p = comparison(alias);
        if (rnd.nextInt(3) == 0)
            p = "(" + p + (rnd.nextBoolean() ? " AND " : " OR ") + comparison(alias) + ")";
        if (rnd.nextInt(8) == 0)
            p = "NOT " + p;
        return p;
    }

    private String comparison(String alias) {
        String e = expression(alias);
        return switch (rnd.nextInt(7)) {
            case 0 -> e + " BETWEEN ? AND ?";
            case 5 -> e + " = ?";
            case 1 -> e + " IS NOT NULL AND " + e + " > ?";
            case 2 -> e + " IN (?, ?)";
            case 3 -> "? <= " + e;
            case 4 -> e + " IS NULL";
            default -> e + " < ?";
        };
    }

    private String expression(String alias) {
        String[] spellings = rnd.nextInt(4) == 0 ? PLAIN : DERIVED[rnd.nextInt(DERIVED.length)];
        String e = spellings[rnd.nextInt(spellings.length)];
        return alias.isEmpty() ? e.replace("%s.", "") : e.replace("%s", alias);
    }

    private Object parameter() {
        return switch (rnd.nextInt(3)) {
            case 0 -> rnd.nextInt(4000) - 2000;
            case 1 -> rnd.nextInt(40) - 20;
            default -> new BigDecimal(rnd.nextInt(200000) - 50000).movePointLeft(2);
        };
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static int count(String s, char c) {
        return (int)s.chars().filter(ch -> ch == c).count();
    }
}
