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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What a rollback leaves in a layout, computed against the layout as it is then rather than written over it. */
class LayoutRollbackTest {
    private static final TableSchema T = table();
    private static final DerivedColumn AB = column("AP_AB", "a * b");
    private static final DerivedColumn APB = column("AP_APB", "a + b");
    private static final DerivedColumn OLD = column("AP_OLD", "a * c");
    private static final LayoutIndex ON_AB = new LayoutIndex("AP_IDX_AB", List.of("AP_AB"));
    private static final LayoutIndex ON_C = new LayoutIndex("AP_IDX_C", List.of("C"));

    @Test
    void whatALaterChangeAddedStaysAndTheTakenBackColumnIsStillDerivedButNotRead() {
        LayoutPlan plan = LayoutPlan.adding(List.of(new LayoutPlan.NewColumn(AB.in(ColumnState.BUILDING), "INTEGER")),
            List.of(ON_AB));
        PartitionLayout before = layout(1, List.of());
        PartitionLayout now = layout(5, List.of(AB, APB), ON_AB);

        PartitionLayout back = LayoutRollback.takeBack(now, before, plan);

        assertEquals(6, back.version());
        assertEquals(List.of(AB.in(ColumnState.RETIRING), APB), back.derived());
        assertEquals(List.of(), back.indexes());
        assertEquals(List.of(APB), back.readyColumns());
        assertSame(back, LayoutRollback.takeBack(back, before, plan), "run again, it changes nothing");
    }

    @Test
    void whatThePlanRetiredComesBackAsTheLayoutBeforeHadIt() {
        LayoutPlan plan = new LayoutPlan(List.of(), List.of(), List.of("AP_OLD"), List.of(ON_C));
        PartitionLayout before = layout(2, List.of(OLD), ON_C);
        PartitionLayout now = layout(3, List.of(OLD.in(ColumnState.RETIRING), APB));

        PartitionLayout back = LayoutRollback.takeBack(now, before, plan);

        assertEquals(List.of(OLD, APB), back.derived());
        assertEquals(List.of(ON_C), back.indexes());
    }

    @Test
    void droppedColumnsLeaveTheLayoutAndNothingElseDoes() {
        PartitionLayout now = layout(4, List.of(AB.in(ColumnState.RETIRING), APB), ON_C);

        PartitionLayout left = LayoutRollback.without(now, Set.of("AP_AB"));

        assertEquals(5, left.version());
        assertEquals(List.of(APB), left.derived());
        assertEquals(List.of(ON_C), left.indexes());
        assertSame(left, LayoutRollback.without(left, Set.of("AP_AB")));
        assertNull(LayoutRollback.takeBack(null, layout(1, List.of()), LayoutPlan.adding(List.of(), List.of())));
    }

    private static PartitionLayout layout(long version, List<DerivedColumn> derived, LayoutIndex... indexes) {
        return new PartitionLayout(T, version, derived, List.of(indexes), true);
    }

    private static DerivedColumn column(String name, String expression) {
        return new DerivedColumn(name, DerivedExpression.parse(expression, T, "e"), ColumnState.READY);
    }

    private static TableSchema table() {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        columns.put("ID", ColumnType.ofJava("java.lang.Integer"));
        columns.put("A", ColumnType.ofJava("java.lang.Integer"));
        columns.put("B", ColumnType.ofJava("java.lang.Integer"));
        columns.put("C", ColumnType.ofJava("java.lang.Integer"));
        return new TableSchema("PUBLIC.T", "SQL_PUBLIC_T", columns, List.of("ID"), List.of());
    }
}
