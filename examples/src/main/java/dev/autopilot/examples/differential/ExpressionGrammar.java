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


package dev.autopilot.examples.differential;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The expression and predicate half of the grammar:
 * <pre>
 * num  := column | literal | derived | num (+|-|*) num | num / (literal | NULLIF(num, 0)) | CAST(num AS numtype)
 *       | CAST(derived AS numtype) | FLOOR|CEIL|ABS(num) | MOD(num, literal) | COALESCE(num, literal)
 *       | CASE WHEN pred THEN num ELSE num END | EXTRACT(unit FROM date) | CHAR_LENGTH(str) | (scalar subquery)
 * str  := column | literal | UPPER|LOWER|TRIM(str) | SUBSTRING(str, 1, n) | str || str | CAST(num|date AS
 *         VARCHAR[(n)]|CHAR(n)) | COALESCE(str, literal) | CASE ...
 * date := column | DATE literal | CAST('yyyy-mm-dd' AS DATE) | CAST(CAST(date AS VARCHAR) AS DATE) | COALESCE | CASE
 * pred := expr (=|<>|<|<=|>|>=) expr | expr [NOT] BETWEEN | expr [NOT] IN (literals) | expr IS [NOT] NULL
 *       | str [NOT] LIKE pattern | pred AND|OR pred | NOT pred | expr [NOT] IN (subquery) | [NOT] EXISTS (subquery)
 * </pre>
 * where {@code derived} is one of {@link ManagedSchema#SPELLINGS} over a relation that reads its table directly.
 * Depth bounds nesting; at depth 0 only columns and literals are written.
 */
final class ExpressionGrammar {
    private static final String[] NUM_TYPES = {"INTEGER", "INT", "BIGINT", "SMALLINT", "DOUBLE", "REAL", "FLOAT",
        "DECIMAL", "NUMERIC(8, 1)", "TINYINT"};

    private final Random rnd;
    private final QueryGrammar queries;

    ExpressionGrammar(Random rnd, QueryGrammar queries) {
        this.rnd = rnd;
        this.queries = queries;
    }

    Expr expr(QueryGrammar.Context cx, Scope s, Kind kind, int depth) {
        return switch (kind) {
            case NUM -> number(cx, s, depth);
            case STR -> string(cx, s, depth);
            case DATE -> date(cx, s, depth);
        };
    }

    Expr number(QueryGrammar.Context cx, Scope s, int depth) {
        if (depth <= 0)
            return rnd.nextInt(4) == 0 ? literal(Kind.NUM) : columnOr(s, Kind.NUM, true);
        int d = depth - 1;
        if (rnd.nextInt(60) == 0)
            return queries.scalarSubquery(cx, s, d);
        return switch (rnd.nextInt(17)) {
            case 0, 1 -> columnOr(s, Kind.NUM, false);
            case 2, 3, 4 -> derivedOr(cx, s, Kind.NUM, depth);
            case 5 -> literal(Kind.NUM);
            case 6 -> arithmetic(cx, s, d);
            case 7 -> division(cx, s, d);
            case 8 -> cast(number(cx, s, d), numericType());
            case 9 -> cast(derivedOr(cx, s, Kind.NUM, d), numericType());
            case 10 -> {
                Expr a = number(cx, s, d);
                yield new Expr(pick("FLOOR", "CEIL", "ABS", "floor") + '(' + a.sql() + ')', Kind.NUM, a.inexact());
            }
            case 11 -> {
                Expr a = number(cx, s, d);
                yield new Expr("MOD(" + a.sql() + ", " + (rnd.nextInt(9) + 2) + ')', Kind.NUM, a.inexact());
            }
            case 12 -> coalesce(cx, s, Kind.NUM, d);
            case 13 -> caseWhen(cx, s, Kind.NUM, d);
            case 14 -> Expr.of("EXTRACT(" + pick("YEAR", "MONTH", "DAY", "QUARTER", "DOW") + " FROM "
                + date(cx, s, d).sql() + ')', Kind.NUM);
            case 15 -> Expr.of("CHAR_LENGTH(" + string(cx, s, d).sql() + ')', Kind.NUM);
            default -> arithmetic(cx, s, d);
        };
    }

    Expr string(QueryGrammar.Context cx, Scope s, int depth) {
        if (depth <= 0)
            return rnd.nextInt(4) == 0 ? literal(Kind.STR) : columnOr(s, Kind.STR, true);
        int d = depth - 1;
        return switch (rnd.nextInt(12)) {
            case 0, 1 -> columnOr(s, Kind.STR, false);
            case 2, 3 -> derivedOr(cx, s, Kind.STR, depth);
            case 4 -> literal(Kind.STR);
            case 5 -> Expr.of(pick("UPPER", "LOWER", "TRIM", "upper") + '(' + string(cx, s, d).sql() + ')', Kind.STR);
            case 6 -> Expr.of("SUBSTRING(" + string(cx, s, d).sql() + ", 1, " + (rnd.nextInt(3) + 1) + ')', Kind.STR);
            case 7 -> Expr.of(string(cx, s, d).sql() + " || " + string(cx, s, d).sql(), Kind.STR);
            case 8 -> Expr.of("CAST(" + number(cx, s, d).sql() + " AS " + pick("VARCHAR", "VARCHAR(4)", "CHAR(6)",
                "VARCHAR(20)") + ')', Kind.STR);
            case 9 -> Expr.of("CAST(" + date(cx, s, d).sql() + " AS VARCHAR)", Kind.STR);
            case 10 -> coalesce(cx, s, Kind.STR, d);
            default -> caseWhen(cx, s, Kind.STR, d);
        };
    }

    Expr date(QueryGrammar.Context cx, Scope s, int depth) {
        if (depth <= 0)
            return rnd.nextInt(4) == 0 ? literal(Kind.DATE) : columnOr(s, Kind.DATE, true);
        int d = depth - 1;
        return switch (rnd.nextInt(7)) {
            case 0, 1, 2 -> columnOr(s, Kind.DATE, false);
            case 3 -> Expr.of("CAST('" + date() + "' AS DATE)", Kind.DATE);
            case 4 -> Expr.of("CAST(CAST(" + date(cx, s, d).sql() + " AS VARCHAR) AS DATE)", Kind.DATE);
            case 5 -> coalesce(cx, s, Kind.DATE, d);
            default -> caseWhen(cx, s, Kind.DATE, d);
        };
    }

    String predicate(QueryGrammar.Context cx, Scope s, int depth) {
        Kind kind = kind();
        int d = depth - 1;
        int choice = depth <= 0 ? rnd.nextInt(6) : rnd.nextInt(40);
        return switch (choice) {
            case 0, 1, 13, 14, 15, 16, 17, 18, 19 -> {
                Expr a = expr(cx, s, kind, d);
                yield a.sql() + ' ' + pick("=", "<>", "<", "<=", ">", ">=") + ' '
                    + (rnd.nextInt(3) == 0 ? expr(cx, s, kind, d) : literal(kind)).sql();
            }
            case 2, 20, 21 -> {
                Expr a = expr(cx, s, kind, d);
                yield a.sql() + (rnd.nextInt(5) == 0 ? " NOT" : "") + " BETWEEN " + literal(kind).sql() + " AND "
                    + literal(kind).sql();
            }
            case 3, 22, 23 -> {
                Expr a = expr(cx, s, kind, d);
                List<String> values = new ArrayList<>();
                for (int i = rnd.nextInt(3) + 1; i >= 0; i--)
                    values.add(literal(kind).sql());
                yield a.sql() + (rnd.nextInt(5) == 0 ? " NOT" : "") + " IN (" + String.join(", ", values) + ')';
            }
            case 4, 24 -> expr(cx, s, kind, d).sql() + " IS " + (rnd.nextBoolean() ? "NOT " : "") + "NULL";
            case 5 -> string(cx, s, d).sql() + (rnd.nextInt(5) == 0 ? " NOT" : "") + " LIKE '" + pick("s%", "%1",
                "S_", "%") + '\'';
            case 6, 7, 25, 26, 27, 28 -> '(' + predicate(cx, s, d) + " AND " + predicate(cx, s, d) + ')';
            case 8, 29, 30 -> '(' + predicate(cx, s, d) + " OR " + predicate(cx, s, d) + ')';
            case 9, 31 -> "NOT (" + predicate(cx, s, d) + ')';
            case 10 -> {
                Expr a = expr(cx, s, kind, d);
                yield a.sql() + (rnd.nextInt(4) == 0 ? " NOT" : "") + " IN (" + queries.columnSubquery(cx, s, kind, d)
                    + ')';
            }
            case 11 -> (rnd.nextInt(4) == 0 ? "NOT " : "") + "EXISTS (" + queries.existsSubquery(cx, s, d) + ')';
            default -> {
                Expr a = derivedOr(cx, s, Kind.NUM, d);
                yield a.sql() + ' ' + pick("=", "<", ">=", "<>") + ' ' + literal(Kind.NUM).sql();
            }
        };
    }

    /** @return a literal of {@code kind}, now and then NULL in a CAST that keeps its category */
    Expr literal(Kind kind) {
        if (rnd.nextInt(25) == 0)
            return Expr.of("CAST(NULL AS " + (kind == Kind.NUM ? "INT" : kind == Kind.STR ? "VARCHAR" : "DATE") + ')',
                kind);
        return switch (kind) {
            case NUM -> switch (rnd.nextInt(5)) {
                case 0 -> Expr.of(String.valueOf(rnd.nextInt(2000) - 1000), Kind.NUM);
                case 1 -> Expr.of(String.valueOf(rnd.nextInt(40) - 10), Kind.NUM);
                case 2 -> Expr.of(BigDecimal.valueOf(rnd.nextInt(200000) - 50000, 2).toPlainString(), Kind.NUM);
                case 3 -> new Expr((rnd.nextInt(200) - 50) / 4.0 + "E0", Kind.NUM, true);
                default -> Expr.of(String.valueOf(rnd.nextInt(10)), Kind.NUM);
            };
            case STR -> Expr.of(pick("'s0'", "'s1'", "'s2'", "'s3'", "'S1'", "'x'", "''"), Kind.STR);
            case DATE -> Expr.of("DATE '" + date() + '\'', Kind.DATE);
        };
    }

    /** @return a date in the years the tables' dates are in */
    private String date() {
        return "20" + (18 + rnd.nextInt(6)) + "-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(9);
    }

    /** @return a category, numbers most often */
    Kind kind() {
        int r = rnd.nextInt(10);
        return r < 7 ? Kind.NUM : r < 9 ? Kind.STR : Kind.DATE;
    }

    /** @return a reference to a column of {@code kind} of the scope, a literal when it has none */
    Expr columnOr(Scope s, Kind kind, boolean withOuter) {
        List<Scope.Ref> refs = s.refs(kind, withOuter && rnd.nextInt(6) == 0);
        if (refs.isEmpty())
            return literal(kind);
        Scope.Ref r = refs.get(rnd.nextInt(refs.size()));
        return new Expr(reference(s, r.relation(), r.column().name()), kind, r.column().inexact());
    }

    /** @return how the grammar names a column of {@code r}: qualified, or bare where that is unambiguous */
    String reference(Scope s, Relation r, String column) {
        if (r.qualifier() == null || (s.relations().contains(r) && s.unique(column) && rnd.nextInt(3) == 0))
            return rnd.nextInt(8) == 0 ? column.toLowerCase() : column;
        return r.qualifier() + '.' + column;
    }

    private Expr derivedOr(QueryGrammar.Context cx, Scope s, Kind kind, int depth) {
        List<Relation> direct = s.relations().stream().filter(r -> r.table() != null).toList();
        if (direct.isEmpty())
            return kind == Kind.NUM ? arithmeticOrColumn(cx, s, depth) : columnOr(s, kind, false);
        Relation r = direct.get(rnd.nextInt(direct.size()));
        List<ManagedSchema.Spelling> spellings = ManagedSchema.SPELLINGS.get(r.table()).stream()
            .filter(sp -> sp.kind() == kind).toList();
        if (spellings.isEmpty())
            return columnOr(s, kind, false);
        String sql = spellings.get(rnd.nextInt(spellings.size())).sql();
        for (Column c : r.columns())
            sql = sql.replace('{' + c.name() + '}', reference(s, r, c.name()));
        return sql.contains("{") ? columnOr(s, kind, false) : Expr.of(sql, kind);
    }

    private Expr arithmeticOrColumn(QueryGrammar.Context cx, Scope s, int depth) {
        return depth > 0 ? arithmetic(cx, s, depth - 1) : columnOr(s, Kind.NUM, false);
    }

    private Expr arithmetic(QueryGrammar.Context cx, Scope s, int depth) {
        Expr a = number(cx, s, depth);
        Expr b = number(cx, s, depth);
        String op = pick(" + ", " - ", " * ", "+", "*");
        return new Expr(rnd.nextBoolean() ? a.sql() + op + b.sql() : '(' + a.sql() + op + b.sql() + ')', Kind.NUM,
            a.inexact() || b.inexact());
    }

    private Expr division(QueryGrammar.Context cx, Scope s, int depth) {
        Expr a = number(cx, s, depth);
        if (rnd.nextBoolean())
            return new Expr('(' + a.sql() + " / " + pick("10", "3", "100", "2.5", "7") + ')', Kind.NUM, a.inexact());
        Expr b = number(cx, s, depth);
        return new Expr('(' + a.sql() + " / NULLIF(" + b.sql() + ", 0))", Kind.NUM, a.inexact() || b.inexact());
    }

    private Expr cast(Expr a, String type) {
        boolean inexact = a.inexact() || type.equals("DOUBLE") || type.equals("REAL") || type.equals("FLOAT");
        return new Expr("CAST(" + a.sql() + " AS " + type + ')', Kind.NUM, inexact);
    }

    private String numericType() {
        if (rnd.nextInt(3) == 0) {
            int p = rnd.nextInt(18) + 3;
            return "DECIMAL(" + p + ", " + rnd.nextInt(Math.min(p, 5)) + ')';
        }
        return NUM_TYPES[rnd.nextInt(NUM_TYPES.length)];
    }

    private Expr coalesce(QueryGrammar.Context cx, Scope s, Kind kind, int depth) {
        Expr a = expr(cx, s, kind, depth);
        Expr b = literal(kind);
        return new Expr("COALESCE(" + a.sql() + ", " + b.sql() + ')', kind, a.inexact() || b.inexact());
    }

    private Expr caseWhen(QueryGrammar.Context cx, Scope s, Kind kind, int depth) {
        Expr a = expr(cx, s, kind, depth);
        Expr b = expr(cx, s, kind, depth);
        return new Expr("CASE WHEN " + predicate(cx, s, depth) + " THEN " + a.sql() + " ELSE " + b.sql() + " END",
            kind, a.inexact() || b.inexact());
    }

    String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }
}
