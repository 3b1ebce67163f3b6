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
import java.util.List;
import dev.autopilot.sql.schema.ColumnType;

/**
 * A typed, canonical expression over the columns of one table. Instances are built only by
 * {@link ExpressionReader}, which admits the allowed grammar and puts every node in canonical form, so two equivalent
 * spellings of an expression are equal objects and print the same.
 */
public sealed interface Expr {
    /** @return the type of the expression's value */
    ColumnType type();

    /** A column of the table. */
    record Column(String name, ColumnType type) implements Expr {
    }

    /**
     * A constant.
     *
     * @param sql the literal as SQL writes it ({@code 10}, {@code 0.5}, {@code 'AIR'}, {@code DATE '1995-01-01'})
     * @param number its value when it is a number, else {@code null}
     */
    record Literal(String sql, BigDecimal number, ColumnType type) implements Expr {
    }

    /** An operator or function applied to its operands. */
    record Call(Op op, List<Expr> args, ColumnType type) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code CAST(arg AS type)}. */
    record Cast(Expr arg, ColumnType type) implements Expr {
    }

    /** {@code EXTRACT(unit FROM arg)}. */
    record Extract(String unit, Expr arg, ColumnType type) implements Expr {
    }

    /** {@code CASE WHEN c1 THEN r1 ... ELSE otherwise END}; {@code otherwise} is {@code null} when absent. */
    record Case(List<Expr> conditions, List<Expr> results, Expr otherwise, ColumnType type) implements Expr {
        public Case {
            conditions = List.copyOf(conditions);
            results = List.copyOf(results);
        }
    }
}
