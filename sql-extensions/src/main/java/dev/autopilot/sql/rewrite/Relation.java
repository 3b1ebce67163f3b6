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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.calcite.sql.SqlNode;

/**
 * One item of a FROM clause as the rewriter sees it: the name that qualifies its columns, the layout when it is a
 * table Autopilot manages, and its column names when they are known. A table with derived columns is read through a
 * {@link RelationWrapper wrapper}; the relation collects what that wrapper holds: the WHERE conjuncts moved into it and
 * the derived columns that expressions outside it read.
 */
final class Relation {
    private final String alias;
    private final PartitionLayout layout;
    private final Set<String> columns;
    private final List<SqlNode> pushed = new ArrayList<>();
    private final Set<String> exposed = new LinkedHashSet<>();
    private boolean preserved = true;
    private boolean exposable;
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

    /** @return a managed table under {@code alias}: its own columns and its derived ones, which the rules name */
    static Relation table(String alias, PartitionLayout layout) {
        Set<String> cols = new HashSet<>(layout.table().columns().keySet());
        layout.derived().forEach(d -> cols.add(d.name()));
        return new Relation(alias, layout, cols);
    }

    /** @return the table inside its own wrapper, where expressions may read its derived columns */
    static Relation insideWrapper(String alias, PartitionLayout layout) {
        Relation r = table(alias, layout);
        r.exposable = true;
        return r;
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

    /** @return whether a row of it can reach its block's filter and select list null-extended by an outer join */
    boolean preserved() {
        return preserved;
    }

    void nullExtended() {
        preserved = false;
    }

    /**
     * @return whether expressions outside its wrapper may read its derived columns: only when nothing in its block
     *     lists a relation's columns wholesale (a star, NATURAL or USING) and none of its rows are null-extended there,
     *     where a derived column would read NULL although an expression such as {@code COALESCE(x, 0)} would not
     */
    boolean exposable() {
        return exposable;
    }

    void exposable(boolean exposable) {
        this.exposable = exposable;
    }

    /** Notes that an expression outside the wrapper reads {@code column}, which the wrapper must then give. */
    void expose(String column) {
        exposed.add(column);
    }

    /** @return the derived columns read outside the wrapper, in the order first read */
    Set<String> exposed() {
        return exposed;
    }

    /** Moves a conjunct of its block's WHERE into its wrapper. */
    void push(SqlNode conjunct) {
        pushed.add(conjunct);
    }

    /** @return the WHERE conjuncts moved into its wrapper, in order */
    List<SqlNode> pushed() {
        return pushed;
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
