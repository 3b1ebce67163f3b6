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

package dev.autopilot.adaptation.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.PartitionLayout;

/**
 * What taking a plan back does to a partition's layout, computed against the layout as it is when the rollback runs:
 * writing back the layout recorded before the plan would also undo every change made since (the columns of a later
 * adaptation would leave the layout, becoming visible to {@code SELECT *} and no longer derived). Only the plan's own
 * structures change: its columns stop being read but stay derived ({@code RETIRING}) until they are dropped, its
 * indexes leave the layout, and what it retired comes back as the layout before had it.
 */
final class LayoutRollback {
    private LayoutRollback() {
    }

    /**
     * @param current the layout now, {@code null} when there is none
     * @param before the layout recorded before the plan
     * @param plan the plan taken back
     * @return the layout while the plan's structures are drained: {@code current} itself when that is it already
     */
    static PartitionLayout takeBack(PartitionLayout current, PartitionLayout before, LayoutPlan plan) {
        if (current == null)
            return null;
        Set<String> added = added(plan);
        Map<String, DerivedColumn> was = before.derived().stream()
            .collect(Collectors.toMap(DerivedColumn::name, Function.identity()));
        List<DerivedColumn> derived = current.derived().stream().map(c -> added.contains(c.name())
            ? c.in(ColumnState.RETIRING)
            : plan.retiredColumns().contains(c.name()) && was.containsKey(c.name()) ? c.in(was.get(c.name()).state())
            : c).toList();
        List<LayoutIndex> indexes = new ArrayList<>(current.indexes());
        indexes.removeAll(plan.indexes());
        plan.retiredIndexes().stream().filter(i -> before.indexes().contains(i) && !indexes.contains(i))
            .forEach(indexes::add);
        if (derived.equals(current.derived()) && indexes.equals(current.indexes()))
            return current;
        return new PartitionLayout(current.table(), current.version() + 1, derived, indexes, current.rewritable());
    }

    /**
     * @param current the layout now, {@code null} when there is none
     * @param dropped names of derived columns that no longer exist
     * @return {@code current} without them: itself when it lists none of them
     */
    static PartitionLayout without(PartitionLayout current, Set<String> dropped) {
        if (current == null || current.derived().stream().noneMatch(c -> dropped.contains(c.name())))
            return current;
        return new PartitionLayout(current.table(), current.version() + 1,
            current.derived().stream().filter(c -> !dropped.contains(c.name())).toList(), current.indexes(),
            current.rewritable());
    }

    /** @return the names of the columns {@code plan} adds */
    static Set<String> added(LayoutPlan plan) {
        Set<String> out = new HashSet<>();
        plan.columns().forEach(c -> out.add(c.column().name()));
        return out;
    }
}
