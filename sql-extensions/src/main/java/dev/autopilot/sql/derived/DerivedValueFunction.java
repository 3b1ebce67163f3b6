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

package dev.autopilot.sql.derived;

import java.util.List;

/**
 * A derived column's expression compiled the way Ignite SQL compiles it, so that a value computed on a write (in a
 * cache interceptor, or by an entry processor filling existing rows) is exactly the value {@code SELECT <expr>} would
 * return: same type, NULLs, integer division, rounding, DECIMAL scale, and the same errors. Instances are immutable
 * and thread-safe; evaluation allocates a little and takes no locks.
 */
public interface DerivedValueFunction {
    /** @return the expression as compiled */
    String expression();

    /**
     * @return the type of the value as DDL text for {@code ALTER TABLE ... ADD COLUMN c <type>}: a column of this type
     *     stores every value unchanged, so a filter on the column behaves like the same filter on the expression
     */
    String columnType();

    /** @return the table columns the expression reads, in the order {@link #evaluate(Object[])} takes them */
    List<String> columns();

    /**
     * Evaluates over a row as a cache interceptor or entry processor sees it (keep-binary).
     *
     * @param key the cache key: a {@code BinaryObject} for a composite primary key, the plain value otherwise
     * @param value the cache value, a {@code BinaryObject}
     * @return the value in the Java type SQL returns for it (e.g. {@code BigDecimal}, {@code java.sql.Date}), or null
     * @throws DerivedValueException where SQL fails on the same row (overflow, integer division by zero, ...)
     */
    Object evaluate(Object key, Object value);

    /**
     * Evaluates over column values given in the order of {@link #columns()}, as SQL would return them.
     *
     * @throws DerivedValueException where SQL fails on the same values
     */
    Object evaluate(Object[] columnValues);
}
