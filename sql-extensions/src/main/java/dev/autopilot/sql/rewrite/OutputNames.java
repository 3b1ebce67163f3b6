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

package dev.autopilot.sql.rewrite;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.util.SqlString;

/**
 * The name Ignite gives a select item that has no alias. In the SELECT that is the statement itself (under an ORDER
 * BY or not) Ignite 2.17's planner names it as {@code IgniteSqlValidator.deriveAlias} does: the item's own SQL text
 * for aggregates, arithmetic, functions, FLOOR/CEIL and literals ({@code IgnitePlanner.validateAndGetTypeMetadata}).
 * Everywhere else (set operations, WITH, derived tables, subqueries) Calcite's validator names it {@code EXPR$n}. A
 * rewritten item keeps the name of the item it replaces, so clients see the same column labels with and without
 * rewriting.
 */
final class OutputNames {
    private static final int MAX_LENGTH = 256;

    private static final Set<SqlKind> READABLE;

    static {
        EnumSet<SqlKind> kinds = EnumSet.noneOf(SqlKind.class);
        kinds.addAll(SqlKind.AGGREGATE);
        kinds.addAll(SqlKind.BINARY_ARITHMETIC);
        kinds.addAll(SqlKind.FUNCTION);
        kinds.add(SqlKind.CEIL);
        kinds.add(SqlKind.FLOOR);
        kinds.add(SqlKind.LITERAL);
        READABLE = Collections.unmodifiableSet(kinds);
    }

    private OutputNames() {
    }

    /** @return whether Ignite names {@code item} by its text rather than by its position */
    static boolean readable(SqlNode item) {
        return item.isA(READABLE);
    }

    /**
     * @param item an unaliased select item, as parsed (before any rewrite)
     * @param ordinal its position in the select list
     * @param statement whether its SELECT is the statement itself
     * @return the name Ignite gives its output column
     */
    static String of(SqlNode item, int ordinal, boolean statement) {
        if (!statement || !readable(item))
            return "EXPR$" + ordinal;
        SqlString sql = item.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT).withQuoteAllIdentifiers(false)
            .withAlwaysUseParentheses(false).withClauseStartsLine(false));
        String name = sql.getSql();
        return name.substring(0, Math.min(name.length(), MAX_LENGTH));
    }
}
