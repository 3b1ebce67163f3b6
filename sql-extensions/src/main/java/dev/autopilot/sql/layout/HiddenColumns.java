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

import java.util.function.Supplier;

/**
 * The columns that catalogs (SQL system views, JDBC metadata) must not list: Autopilot's derived columns are real
 * columns of the user's tables, but they belong to Autopilot, and a SQL tool that showed them would invite users to
 * read or write them.
 */
@FunctionalInterface
public interface HiddenColumns {
    /**
     * @param schema the schema as Ignite names it
     * @param table the table as Ignite names it
     * @param column the column as Ignite names it
     * @return whether catalogs must leave the column out
     */
    boolean hidden(String schema, String table, String column);

    /**
     * Hides every derived column a layout lists, whatever its state: a column being built or retired is as much
     * Autopilot's as a ready one. Table names are upper-cased, as the layouts key them.
     *
     * @param layouts the layouts now, read on every call
     * @return the derived columns of {@code layouts}
     */
    static HiddenColumns derivedIn(Supplier<LayoutSnapshot> layouts) {
        return (schema, table, column) -> {
            PartitionLayout layout = layouts.get().table(schema + '.' + table.toUpperCase());
            return layout != null && layout.derived().stream().anyMatch(c -> c.name().equals(column));
        };
    }
}
