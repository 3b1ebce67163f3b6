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

package dev.autopilot.sql.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.schema.TypeName;
import dev.autopilot.sql.analysis.SqlPrinter;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlTimeLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.fun.SqlCase;

/**
 * Turns a parsed expression into a canonical {@link Expr}, admitting only the allowed grammar: columns of the one
 * table, number, string and date literals, arithmetic, and a fixed list of deterministic functions. Canonical form
 * is built on the way: operands of commutative operators are sorted, nested {@code +}, {@code *}, {@code AND} and
 * {@code OR} flattened, casts that provably change no value dropped.
 */
final class ExpressionReader {
    private static final Map<String, Op> FUNCTIONS = Map.of("MOD", Op.MOD, "FLOOR", Op.FLOOR, "CEIL", Op.CEIL,
        "CEILING", Op.CEIL, "ABS", Op.ABS, "UPPER", Op.UPPER, "LOWER", Op.LOWER, "SUBSTRING", Op.SUBSTRING,
        "COALESCE", Op.COALESCE);

    private static final Map<SqlKind, Op> OPERATORS = Map.ofEntries(Map.entry(SqlKind.PLUS, Op.PLUS),
        Map.entry(SqlKind.MINUS, Op.MINUS), Map.entry(SqlKind.TIMES, Op.TIMES), Map.entry(SqlKind.DIVIDE, Op.DIVIDE),
        Map.entry(SqlKind.MOD, Op.MOD), Map.entry(SqlKind.MINUS_PREFIX, Op.NEGATE),
        Map.entry(SqlKind.EQUALS, Op.EQUALS), Map.entry(SqlKind.NOT_EQUALS, Op.NOT_EQUALS),
        Map.entry(SqlKind.LESS_THAN, Op.LESS), Map.entry(SqlKind.LESS_THAN_OR_EQUAL, Op.LESS_OR_EQUAL),
        Map.entry(SqlKind.GREATER_THAN, Op.GREATER), Map.entry(SqlKind.GREATER_THAN_OR_EQUAL, Op.GREATER_OR_EQUAL),
        Map.entry(SqlKind.IS_NULL, Op.IS_NULL), Map.entry(SqlKind.IS_NOT_NULL, Op.IS_NOT_NULL),
        Map.entry(SqlKind.NOT, Op.NOT), Map.entry(SqlKind.AND, Op.AND), Map.entry(SqlKind.OR, Op.OR));

    private static final Set<String> NON_DETERMINISTIC = Set.of("RAND", "RANDOM", "RAND_INTEGER", "RANDOM_UUID",
        "UUID", "NOW", "SYSDATE", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP",
        "SYSTEM_RANGE", "NEXTVAL", "CURRVAL");

    private static final Set<String> EXTRACT_UNITS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DOW", "DOY",
        "HOUR", "MINUTE", "SECOND");

    private final TableSchema table;

    ExpressionReader(TableSchema table) {
        this.table = table;
    }

    /** @return the canonical form of {@code node} */
    Expr read(SqlNode node) {
        if (node.isA(SqlKind.QUERY))
            throw new ExpressionException("subqueries are not allowed");
        if (node instanceof SqlIdentifier id)
            return column(id);
        if (node instanceof SqlDynamicParam)
            throw new ExpressionException("placeholders (?) are not allowed, write the constant");
        if (node instanceof SqlLiteral lit)
            return literal(lit);
        if (node instanceof SqlCase c)
            return caseWhen(c);
        if (node instanceof SqlCall call)
            return call(call);
        throw new ExpressionException("unsupported syntax: " + SqlPrinter.print(node));
    }

    private Expr column(SqlIdentifier id) {
        if (id.isStar())
            throw new ExpressionException("* is not an expression");
        String name = id.names.get(id.names.size() - 1);
        if (id.names.size() > 1) {
            String qualifier = String.join(".", id.names.subList(0, id.names.size() - 1));
            if (!qualifier.equals(table.simpleName()) && !qualifier.equals(table.table()))
                throw new ExpressionException("column " + id + " is not of table " + table.simpleName()
                    + " (only columns of the table itself are allowed)");
        }
        if (NON_DETERMINISTIC.contains(name.toUpperCase(Locale.ROOT)))
            throw new ExpressionException(name + " is not deterministic");
        ColumnType type = table.type(name);
        if (type == null)
            throw new ExpressionException("unknown column " + name + " in table " + table.simpleName());
        if (type.name() == TypeName.OTHER)
            throw new ExpressionException("column " + name + " has a type expressions cannot use");
        return new Expr.Column(name, type);
    }

    private static Expr literal(SqlLiteral lit) {
        if (lit instanceof SqlNumericLiteral n) {
            BigDecimal v = n.getValueAs(BigDecimal.class);
            if (!n.isExact())
                return new Expr.Literal(n.toValue(), v, ColumnType.of(TypeName.DOUBLE));
            ColumnType type = v.scale() > 0 ? ColumnType.decimal(Math.max(v.precision(), v.scale()), v.scale())
                : v.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0 ? ColumnType.of(TypeName.INTEGER)
                : ColumnType.of(TypeName.BIGINT);
            return new Expr.Literal(v.toPlainString(), v, type);
        }
        if (lit instanceof SqlCharStringLiteral s) {
            String v = s.getValueAs(String.class);
            return new Expr.Literal("'" + v.replace("'", "''") + "'", null,
                new ColumnType(TypeName.VARCHAR, v.length(), -1));
        }
        if (lit instanceof SqlDateLiteral || lit instanceof SqlTimestampLiteral || lit instanceof SqlTimeLiteral) {
            TypeName t = lit instanceof SqlDateLiteral ? TypeName.DATE
                : lit instanceof SqlTimeLiteral ? TypeName.TIME : TypeName.TIMESTAMP;
            return new Expr.Literal(t.name() + " '" + lit.toValue() + "'", null, ColumnType.of(t));
        }
        throw new ExpressionException("literal " + SqlPrinter.print(lit) + " is not allowed");
    }

    private Expr call(SqlCall call) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (NON_DETERMINISTIC.contains(name) || call.getOperator().isDynamicFunction()
            || !call.getOperator().isDeterministic())
            throw new ExpressionException(name + " is not deterministic");
        switch (call.getKind()) {
            case PLUS_PREFIX:
                return read(call.operand(0));
            case CAST:
                return cast(call);
            case EXTRACT:
                return extract(call);
            case BETWEEN:
                throw new ExpressionException("BETWEEN is not allowed, write two comparisons");
            default:
                break;
        }
        Op op = OPERATORS.get(call.getKind());
        if (op == null)
            op = FUNCTIONS.get(name);
        if (op == null)
            throw new ExpressionException("function or operator " + name + " is not allowed");
        List<Expr> args = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            if (operand == null)
                throw new ExpressionException(name + " with omitted operands is not allowed");
            args.add(read(operand));
        }
        checkArity(op, args.size());
        return make(op, args);
    }

    private Expr cast(SqlCall call) {
        Expr arg = read(call.operand(0));
        if (!(call.operand(1) instanceof SqlDataTypeSpec spec))
            throw new ExpressionException("CAST needs a type");
        // CHAR(n) pads with blanks, so it is not the VARCHAR(n) that ColumnType reads it as.
        if ("CHAR".equals(spec.getTypeName().getSimple()))
            throw new ExpressionException("CAST to " + SqlPrinter.print(spec) + " is not allowed, write VARCHAR");
        ColumnType to;
        try {
            to = ColumnType.parse(SqlPrinter.print(spec));
        }
        catch (IllegalArgumentException e) {
            throw new ExpressionException("CAST to " + SqlPrinter.print(spec) + " is not allowed");
        }
        TypeRules.checkCast(arg.type(), to);
        return noOp(arg, to) ? arg : new Expr.Cast(arg, to);
    }

    /**
     * Whether casting {@code arg} to {@code to} provably changes no value, so that canonical form may drop the cast:
     * the value must already have the target type, size included. The size of a column is what Ignite checks on every
     * write and the size of a cast is what it writes; a size {@link TypeRules} gives a computed value is an
     * approximation (a DECIMAL quotient carries more digits than its type's scale), so it proves nothing, and neither
     * does an unknown size. A VARCHAR without a length truncates nothing.
     */
    private static boolean noOp(Expr arg, ColumnType to) {
        if (!arg.type().equals(to))
            return false;
        if (!to.name().sizable())
            return true;
        if (!to.sized())
            return to.name() == TypeName.VARCHAR;
        return arg instanceof Expr.Column || arg instanceof Expr.Cast;
    }

    private Expr extract(SqlCall call) {
        if (!(call.operand(0) instanceof SqlIntervalQualifier unit))
            throw new ExpressionException("EXTRACT needs a time unit");
        String u = unit.timeUnitRange.name();
        if (!EXTRACT_UNITS.contains(u))
            throw new ExpressionException("EXTRACT(" + u + ") is not allowed");
        Expr arg = read(call.operand(1));
        return new Expr.Extract(u, arg, TypeRules.extract(u, arg));
    }

    private Expr caseWhen(SqlCase c) {
        // The parser turns CASE x WHEN v into CASE WHEN x = v, so only the searched form arrives here.
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        for (SqlNode when : c.getWhenOperands()) {
            Expr cond = read(when);
            if (cond.type().name() != TypeName.BOOLEAN)
                throw new ExpressionException("CASE WHEN needs a condition, got " + ExprPrinter.print(cond));
            conditions.add(cond);
        }
        for (SqlNode then : c.getThenOperands())
            results.add(read(then));
        SqlNode elseNode = c.getElseOperand();
        boolean noElse = elseNode == null || elseNode instanceof SqlLiteral l && l.getTypeName().getName().equals("NULL");
        Expr otherwise = noElse ? null : read(elseNode);
        List<Expr> values = new ArrayList<>(results);
        if (otherwise != null)
            values.add(otherwise);
        return new Expr.Case(conditions, results, otherwise, TypeRules.common("CASE", values));
    }

    private static void checkArity(Op op, int n) {
        boolean ok = switch (op) {
            case SUBSTRING -> n == 2 || n == 3;
            case COALESCE, AND, OR -> n >= 2;
            case PLUS, MINUS, TIMES, DIVIDE, MOD, EQUALS, NOT_EQUALS, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL ->
                n == 2;
            default -> n == 1;
        };
        if (!ok)
            throw new ExpressionException(op.symbol() + " does not take " + n + " operands");
    }

    private static boolean approximate(ColumnType t) {
        return t.name() == TypeName.DOUBLE || t.name() == TypeName.REAL;
    }

    /** Columns first, then computed operands, then constants: {@code L_EXTENDEDPRICE * (1 - L_DISCOUNT)}. */
    private static int sortRank(Expr e) {
        return e instanceof Expr.Column ? 0 : e instanceof Expr.Literal ? 2 : 1;
    }

    /** @return {@code op} over {@code args} in canonical form */
    static Expr make(Op op, List<Expr> args) {
        // Floating-point addition and multiplication are not associative: only exact operands are regrouped.
        boolean regroup = op.associative() && args.stream().noneMatch(a -> approximate(a.type()));
        List<Expr> operands = new ArrayList<>();
        for (Expr a : args) {
            if (regroup && a instanceof Expr.Call c && c.op() == op && c.args().stream().noneMatch(x -> approximate(x.type())))
                operands.addAll(c.args());
            else
                operands.add(a);
        }
        if (op.commutative())
            operands.sort(Comparator.comparingInt(ExpressionReader::sortRank).thenComparing(ExprPrinter::print));
        return new Expr.Call(op, operands, TypeRules.resultOf(op, operands));
    }
}
