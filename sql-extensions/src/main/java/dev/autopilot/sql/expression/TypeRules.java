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

import java.util.List;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TypeName;

/**
 * Result types of the allowed operators, following Calcite's rules as Ignite applies them, approximated: exact
 * integers widen to the wider operand, DOUBLE or REAL makes DOUBLE, DECIMAL precision and scale follow the SQL
 * standard's rules (unknown when an operand's are unknown), FLOOR and CEIL drop the scale, EXTRACT gives BIGINT,
 * string functions keep their argument's type. The type decides the derived column's declared type, so a wrong
 * type here shows as a failed ADD COLUMN or a truncated value, never as a wrong query result.
 */
final class TypeRules {
    private static final ColumnType BOOLEAN = ColumnType.of(TypeName.BOOLEAN);

    private TypeRules() {
    }

    /** @return the type of {@code op} over {@code args}, or a reason why the operands do not fit it */
    static ColumnType resultOf(Op op, List<Expr> args) {
        return switch (op) {
            case PLUS, MINUS, TIMES, DIVIDE, MOD -> {
                ColumnType t = numeric(op, args.get(0));
                for (int i = 1; i < args.size(); i++)
                    t = arithmetic(op, t, numeric(op, args.get(i)));
                yield t;
            }
            case NEGATE, ABS -> numeric(op, args.get(0));
            case FLOOR, CEIL -> {
                ColumnType t = numeric(op, args.get(0));
                yield t.name() == TypeName.DECIMAL && t.sized() ? ColumnType.decimal(t.precision(), 0) : t;
            }
            case UPPER, LOWER -> character(op, args.get(0));
            case SUBSTRING -> {
                for (int i = 1; i < args.size(); i++) {
                    if (!args.get(i).type().name().integer())
                        throw new ExpressionException(op.symbol() + " needs integer positions, got " + args.get(i).type());
                }
                yield character(op, args.get(0));
            }
            case COALESCE -> common(op.symbol(), args);
            case EQUALS, NOT_EQUALS, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> {
                common(op.symbol(), args);
                yield BOOLEAN;
            }
            case IS_NULL, IS_NOT_NULL -> BOOLEAN;
            case NOT, AND, OR -> {
                for (Expr a : args) {
                    if (a.type().name() != TypeName.BOOLEAN)
                        throw new ExpressionException(op.symbol() + " needs conditions, got " + a.type());
                }
                yield BOOLEAN;
            }
        };
    }

    /** @return the type of EXTRACT over {@code arg} */
    static ColumnType extract(String unit, Expr arg) {
        if (!arg.type().name().datetime())
            throw new ExpressionException("EXTRACT(" + unit + ") needs a date or time, got " + arg.type());
        return ColumnType.of(TypeName.BIGINT);
    }

    /** Checks that a value of {@code from} can be cast to {@code to}. */
    static void checkCast(ColumnType from, ColumnType to) {
        TypeName f = from.name();
        TypeName t = to.name();
        boolean ok = f == t || f.numeric() && t.numeric() || f == TypeName.VARCHAR || t == TypeName.VARCHAR
            || f.datetime() && t.datetime() && f != TypeName.TIME && t != TypeName.TIME;
        if (!ok || f == TypeName.OTHER)
            throw new ExpressionException("cannot CAST " + from + " to " + to);
    }

    /** @return the type all of {@code values} convert to, as CASE and COALESCE need */
    static ColumnType common(String what, List<Expr> values) {
        ColumnType t = values.get(0).type();
        for (int i = 1; i < values.size(); i++) {
            ColumnType u = values.get(i).type();
            if (t.name().numeric() && u.name().numeric())
                t = widest(t, u);
            else if (t.name() == TypeName.VARCHAR && u.name() == TypeName.VARCHAR)
                t = t.sized() && u.sized() ? new ColumnType(TypeName.VARCHAR, Math.max(t.precision(), u.precision()), -1)
                    : ColumnType.of(TypeName.VARCHAR);
            else if (t.name().datetime() && u.name().datetime() && t.name() != TypeName.TIME && u.name() != TypeName.TIME)
                t = t.name() == u.name() ? t : ColumnType.of(TypeName.TIMESTAMP);
            else if (!t.equals(u) || t.name() == TypeName.OTHER)
                throw new ExpressionException(what + " mixes " + t + " and " + u);
        }
        return t;
    }

    private static ColumnType numeric(Op op, Expr arg) {
        if (!arg.type().name().numeric())
            throw new ExpressionException(op.symbol() + " needs numbers, got " + arg.type() + " ("
                + ExprPrinter.print(arg) + ")");
        return arg.type();
    }

    private static ColumnType character(Op op, Expr arg) {
        if (arg.type().name() != TypeName.VARCHAR)
            throw new ExpressionException(op.symbol() + " needs a string, got " + arg.type() + " ("
                + ExprPrinter.print(arg) + ")");
        return arg.type();
    }

    private static ColumnType arithmetic(Op op, ColumnType a, ColumnType b) {
        if (a.name() == TypeName.DOUBLE || a.name() == TypeName.REAL || b.name() == TypeName.DOUBLE
            || b.name() == TypeName.REAL)
            return ColumnType.of(TypeName.DOUBLE);
        if (a.name().integer() && b.name().integer())
            return op == Op.MOD ? b : widest(a, b);
        ColumnType x = asDecimal(a);
        ColumnType y = asDecimal(b);
        if (!x.sized() || !y.sized())
            return ColumnType.of(TypeName.DECIMAL);
        int p1 = x.precision(), s1 = x.scale(), p2 = y.precision(), s2 = y.scale();
        return switch (op) {
            case PLUS, MINUS -> {
                int s = Math.max(s1, s2);
                yield ColumnType.decimal(Math.max(p1 - s1, p2 - s2) + s + 1, s);
            }
            case TIMES -> ColumnType.decimal(p1 + p2, s1 + s2);
            case DIVIDE -> {
                int s = Math.max(6, s1 + p2 + 1);
                yield ColumnType.decimal(p1 - s1 + s2 + s, s);
            }
            default -> y;
        };
    }

    private static ColumnType widest(ColumnType a, ColumnType b) {
        if (a.name() == TypeName.DECIMAL || b.name() == TypeName.DECIMAL) {
            ColumnType x = asDecimal(a);
            ColumnType y = asDecimal(b);
            if (!x.sized() || !y.sized())
                return ColumnType.of(TypeName.DECIMAL);
            int s = Math.max(x.scale(), y.scale());
            return ColumnType.decimal(Math.max(x.precision() - x.scale(), y.precision() - y.scale()) + s, s);
        }
        return a.name().ordinal() >= b.name().ordinal() ? a : b;
    }

    /** @return an exact numeric type as the DECIMAL that holds all its values */
    private static ColumnType asDecimal(ColumnType t) {
        return switch (t.name()) {
            case TINYINT -> ColumnType.decimal(3, 0);
            case SMALLINT -> ColumnType.decimal(5, 0);
            case INTEGER -> ColumnType.decimal(10, 0);
            case BIGINT -> ColumnType.decimal(19, 0);
            default -> t;
        };
    }
}
