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

package dev.autopilot.sql.layout;

import dev.autopilot.sql.expression.DerivedExpression;

/**
 * A real column of a partition that holds the value of an expression over the partition's own columns.
 *
 * <p>A <em>search key</em> holds the expression's value cast to DOUBLE instead of the value itself: Ignite 2.17 does
 * not inline DECIMAL index keys, so an index on a DECIMAL column reads a row for every key comparison, and builds
 * about three times slower than one on a DOUBLE column. Rounding to the nearest DOUBLE keeps the order of values, so a
 * comparison of the expression with a constant implies the same comparison of the key with the constant cast to
 * DOUBLE (strict ones turned non-strict); queries narrow by the key through an index and keep their own predicate,
 * and never read the key in place of the expression.
 *
 * @param name the column name (upper case, {@code AP_...})
 * @param expression what it holds
 * @param state whether queries may read it instead of the expression
 * @param searchKey whether it holds the expression's value as a DOUBLE, for index searches only
 */
public record DerivedColumn(String name, DerivedExpression expression, ColumnState state, boolean searchKey) {
    /** A column that holds the expression's exact value. */
    public DerivedColumn(String name, DerivedExpression expression, ColumnState state) {
        this(name, expression, state, false);
    }

    /** @return whether the rewriter may use it */
    public boolean ready() {
        return state == ColumnState.READY;
    }

    /** @return this column in {@code next} */
    public DerivedColumn in(ColumnState next) {
        return new DerivedColumn(name, expression, next, searchKey);
    }

    /** @return the Ignite SQL expression whose value the column stores */
    public String storedSql() {
        return searchKey ? "CAST((" + expression.canonical() + ") AS DOUBLE)" : expression.canonical();
    }
}
