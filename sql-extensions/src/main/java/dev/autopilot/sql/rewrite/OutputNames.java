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
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.util.SqlString;
import org.apache.calcite.util.NlsString;

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

    /** Calls within which Calcite's validator leaves the tree as it was written. */
    private static final Set<SqlKind> TEXT_KEEPING = EnumSet.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES,
        SqlKind.DIVIDE, SqlKind.MOD, SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX, SqlKind.FLOOR, SqlKind.CEIL,
        SqlKind.CAST, SqlKind.EXTRACT);

    /** The same for functions, which the parser leaves unresolved, by name. */
    private static final Set<String> TEXT_KEEPING_FUNCTIONS = Set.of("ABS", "MOD", "FLOOR", "CEIL", "CEILING", "COUNT",
        "SUM", "AVG", "MIN", "MAX");

    /** @return whether Ignite names {@code item} by its text rather than by its position */
    static boolean readable(SqlNode item) {
        return item.isA(READABLE);
    }

    /**
     * Ignite names a readable item by its text after validation, and Calcite's validator changes parts of an item in
     * place: it turns {@code COALESCE}, {@code NULLIF} and others into {@code CASE}, puts implicit CASTs into
     * comparisons, CASE branches, IN lists and string operands, and expands the select lists of subqueries. Whether a
     * part is changed in place or in a copy depends on how its identifiers are written, so the text cannot be worked
     * out before validation: only an item made of arithmetic, FLOOR/CEIL, ABS, CAST, EXTRACT and the common
     * aggregates over columns and numbers is known to keep its text.
     *
     * @return whether {@code item} is named by its text as written
     */
    static boolean keepsItsText(SqlNode item) {
        if (item instanceof SqlLiteral literal)
            return !(literal.getValue() instanceof NlsString);
        if (!(item instanceof SqlCall call))
            return true;
        boolean kept = TEXT_KEEPING.contains(call.getKind())
            || TEXT_KEEPING_FUNCTIONS.contains(call.getOperator().getName().toUpperCase(Locale.ROOT));
        if (!kept)
            return false;
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null && !(operand instanceof SqlDataTypeSpec) && !keepsItsText(operand))
                return false;
        }
        return true;
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
