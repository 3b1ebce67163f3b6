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

/**
 * Which columns a table has, so that the analyzer can attribute an unqualified column in a join to its table.
 * The plugin answers from Ignite's schema; tests answer from a map.
 */
@FunctionalInterface
public interface TableColumns {
    /** Knows no table: unqualified columns are attributed only when one table is in scope. */
    TableColumns NONE = (table, column) -> false;

    /**
     * @param table a table name as written in the statement ({@code T} or {@code S.T}), upper case as parsed
     * @param column a column name, upper case as parsed
     * @return whether the table has that column
     */
    boolean has(String table, String column);
}
