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

package dev.autopilot.sql.analysis;

import java.util.List;

/**
 * One filter of a statement: the column or expression it filters on, its operator, and which placeholders of the
 * statement's template carry its values. This is what the profile generator mines for derived attributes and
 * index columns.
 *
 * @param table the table the filtered columns belong to, or {@code null} when they cannot be attributed to one
 * @param expression the filtered column or expression, printed without table qualifiers (e.g.
 *     {@code L_EXTENDEDPRICE * L_DISCOUNT})
 * @param columns the columns the expression reads, upper case, in order of appearance
 * @param operator the comparison, normalized so that the expression stands on its left ({@code 5 < a} is
 *     {@code a > 5}): one of {@code = <> < <= > >= BETWEEN IN NOT IN LIKE IS NULL IS NOT NULL}
 * @param placeholders positions (0-based) of the template placeholders that hold the compared values
 * @param disjunctive whether the predicate sits under an OR, so that it alone does not restrict the rows read
 */
public record Predicate(
    String table,
    String expression,
    List<String> columns,
    String operator,
    List<Integer> placeholders,
    boolean disjunctive
) {
    public Predicate {
        columns = List.copyOf(columns);
        placeholders = List.copyOf(placeholders);
    }

    /** @return whether the filter is on a computed expression rather than a plain column */
    public boolean onExpression() {
        return columns.size() != 1 || !expression.equals(columns.get(0));
    }

    /** @return the same predicate with its table qualified by {@code schema} when it was written without one */
    Predicate qualified(String schema) {
        return table == null ? this
            : new Predicate(Names.qualify(schema, table), expression, columns, operator, placeholders, disjunctive);
    }
}
