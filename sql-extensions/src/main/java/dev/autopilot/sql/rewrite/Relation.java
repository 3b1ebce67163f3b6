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

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.PartitionLayout;

/**
 * One item of a FROM clause as the rewriter sees it: the name that qualifies its columns, the layout when it is a
 * table Autopilot manages, and its column names when they are known.
 */
final class Relation {
    private final String alias;
    private final PartitionLayout layout;
    private final Set<String> columns;
    private Map<DerivedExpression, DerivedColumn> ready;
    private Map<DerivedExpression, DerivedColumn> readyKeys;
    private Set<Set<String>> readyColumnSets;

    /**
     * @param alias the name that qualifies its columns ({@code null} for an unaliased derived table)
     * @param layout the layout of the table it reads, {@code null} when it is not a managed table
     * @param columns its column names, {@code null} when unknown
     */
    Relation(String alias, PartitionLayout layout, Set<String> columns) {
        this.alias = alias;
        this.layout = layout;
        this.columns = columns;
    }

    /** @return a managed table under {@code alias}: its own columns and its derived ones */
    static Relation table(String alias, PartitionLayout layout) {
        Set<String> cols = new HashSet<>(layout.table().columns().keySet());
        layout.derived().forEach(d -> cols.add(d.name()));
        return new Relation(alias, layout, cols);
    }

    String alias() {
        return alias;
    }

    /** @return the layout, or {@code null} when this is not a managed table */
    PartitionLayout layout() {
        return layout;
    }

    /** @return whether it has columns the user did not declare, which a star must not show */
    boolean hasDerivedColumns() {
        return layout != null && !layout.derived().isEmpty();
    }

    /** @return whether its column names are known (not for unmanaged tables and most table expressions) */
    boolean columnsKnown() {
        return columns != null;
    }

    /** @return whether its columns are known to include {@code column} */
    boolean hasColumn(String column) {
        return columns != null && columns.contains(column);
    }

    /** @return the READY derived column holding {@code e}, or {@code null} */
    DerivedColumn readyColumn(DerivedExpression e) {
        return ready().get(e);
    }

    /** @return the READY search key of {@code e}, or {@code null} */
    DerivedColumn readyKey(DerivedExpression e) {
        ready();
        return readyKeys.get(e);
    }

    /** @return whether any READY search key may narrow a filter */
    boolean hasReadyKeys() {
        ready();
        return !readyKeys.isEmpty();
    }

    /** @return whether some READY derived column or key reads exactly {@code columns}: a cheap test before reading */
    boolean mayHold(Set<String> columns) {
        ready();
        return readyColumnSets.contains(columns);
    }

    /** @return whether any READY derived column may be read instead of its expression */
    boolean hasReadyColumns() {
        return layout != null && !ready().isEmpty();
    }

    private Map<DerivedExpression, DerivedColumn> ready() {
        if (ready == null) {
            ready = new HashMap<>();
            readyKeys = new HashMap<>();
            readyColumnSets = new HashSet<>();
            if (layout != null) {
                for (DerivedColumn c : layout.readyColumns()) {
                    (c.searchKey() ? readyKeys : ready).putIfAbsent(c.expression(), c);
                    readyColumnSets.add(new LinkedHashSet<>(c.expression().columns()));
                }
            }
        }
        return ready;
    }
}
