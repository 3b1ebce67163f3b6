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

package dev.autopilot.adaptation.layout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;

/**
 * A stored layout seen against its table as the node's SQL engine has it now. Autopilot writes a layout when it
 * changes one, but a user's DDL ({@code ALTER TABLE}, {@code DROP TABLE}, {@code CREATE TABLE}) changes the table under
 * it at any time, so nothing reads a stored layout as it is: readers get it {@link #follow followed}, writers start
 * from its {@link #base}.
 */
final class LiveLayout {
    private LiveLayout() {
    }

    /**
     * The layout readers use: the rewriter, the interceptor, the layout steps.
     *
     * @param stored the layout as stored
     * @param live its table now, {@code null} when there is none
     * @return {@code stored} with the live table's columns minus the derived ones as the user's, in declaration
     *     order; without the derived columns the table does not have (dropped, or a dropped table's) and those whose
     *     expression reads a column the table no longer has (nothing could derive them); without the indexes the table
     *     does not have or that key on a column left out. {@code null} when no derived column or index is left.
     */
    static PartitionLayout follow(PartitionLayout stored, LiveTable live) {
        if (live == null)
            return null;
        TableSchema table = userTable(stored, live, false);
        List<DerivedColumn> broken = broken(stored, live);
        List<DerivedColumn> derived = stored.derived().stream()
            .filter(c -> live.columns().containsKey(c.name()) && !broken.contains(c)).toList();
        Set<String> known = new HashSet<>(table.columns().keySet());
        derived.forEach(c -> known.add(c.name()));
        List<LayoutIndex> indexes = stored.indexes().stream()
            .filter(i -> live.indexes().contains(i.name()) && known.containsAll(i.columns())).toList();
        if (derived.isEmpty() && indexes.isEmpty())
            return null;
        return new PartitionLayout(table, stored.version(), derived, indexes, stored.rewritable());
    }

    /**
     * @return the derived columns the table has whose expression reads a column it no longer has: a user dropped it
     */
    static List<DerivedColumn> broken(PartitionLayout stored, LiveTable live) {
        Set<String> derived = new HashSet<>();
        stored.derived().forEach(c -> derived.add(c.name()));
        return stored.derived().stream().filter(c -> live.columns().containsKey(c.name()) && !c.expression().columns()
            .stream().allMatch(col -> live.columns().containsKey(col) && !derived.contains(col))).toList();
    }

    /**
     * The layout a change starts from: without the derived columns and indexes the table does not have, so that a
     * dropped table's structures never pass to a new table of the same name.
     *
     * @param stored the layout as stored
     * @param live its table now
     * @return {@code stored} so changed; its table keeps the columns the table no longer has after the live ones, so
     *     that the expressions of derived columns that lost one still read back
     */
    static PartitionLayout base(PartitionLayout stored, LiveTable live) {
        List<DerivedColumn> derived = stored.derived().stream().filter(c -> live.columns().containsKey(c.name()))
            .toList();
        List<LayoutIndex> indexes = stored.indexes().stream().filter(i -> live.indexes().contains(i.name())).toList();
        return new PartitionLayout(userTable(stored, live, true), stored.version(), derived, indexes,
            stored.rewritable());
    }

    /**
     * @return the live table's columns that are not derived, typed as stored where the stored table has them (it may
     *     know a precision the live one does not), then, if {@code keepGone}, the stored ones it no longer has
     */
    private static TableSchema userTable(PartitionLayout stored, LiveTable live, boolean keepGone) {
        Set<String> derived = new HashSet<>();
        stored.derived().forEach(c -> derived.add(c.name()));
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        live.columns().forEach((name, type) -> {
            if (!derived.contains(name))
                columns.put(name, stored.table().columns().getOrDefault(name, type));
        });
        if (keepGone)
            stored.table().columns().forEach(columns::putIfAbsent);
        TableSchema t = stored.table();
        return new TableSchema(t.table(), t.cacheName(), columns, t.primaryKey(), new ArrayList<>(t.indexes()));
    }
}
