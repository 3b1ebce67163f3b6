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
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan survives its JSON whole: what a node that resumes or rolls back an adaptation reads. */
class LayoutPlanTest {
    private static final TableSchema T = table();

    @Test
    void aPlanThatAddsAndRetiresRoundTrips() {
        DerivedColumn ab = new DerivedColumn("AP_AB", DerivedExpression.parse("a * b", T, "e"), ColumnState.BUILDING);
        DerivedColumn key = new DerivedColumn("AP_KEY", DerivedExpression.parse("a * c", T, "e"), ColumnState.BUILDING,
            true);
        LayoutPlan plan = new LayoutPlan(List.of(new LayoutPlan.NewColumn(ab, "INTEGER"),
            new LayoutPlan.NewColumn(key, "DOUBLE")),
            List.of(new LayoutIndex("AP_IDX_AB", List.of("AP_AB", "C"))), List.of("AP_OLD"),
            List.of(new LayoutIndex("AP_IDX_OLD", List.of("AP_OLD"))));

        LayoutPlan read = LayoutPlan.read(plan.write(), T);

        assertEquals(plan, read);
        assertTrue(read.retires());
        assertFalse(read.isEmpty());
    }

    @Test
    void aPlanWrittenBeforeRetirementReadsAsOneThatOnlyAdds() {
        LayoutPlan read = LayoutPlan.read("{\"indexes\":[{\"name\":\"AP_IDX_C\",\"columns\":[\"C\"]}]}", T);

        assertEquals(LayoutPlan.adding(List.of(), List.of(new LayoutIndex("AP_IDX_C", List.of("C")))), read);
        assertFalse(read.retires());
    }

    @Test
    void aPlanThatOnlyRetiresIsNotEmpty() {
        LayoutPlan retiring = new LayoutPlan(List.of(), List.of(), List.of("AP_OLD"), List.of());
        assertFalse(retiring.isEmpty());
        assertFalse(retiring.adds());
        assertTrue(LayoutPlan.adding(List.of(), List.of()).isEmpty());
        assertTrue(LayoutPlan.adding(List.of(), List.of(new LayoutIndex("AP_IDX_C", List.of("C")))).adds());
    }

    @Test
    void retiredIndexesGoBeforeAFill() {
        DerivedColumn ab = new DerivedColumn("AP_AB", DerivedExpression.parse("a * b", T, "e"), ColumnState.BUILDING);
        LayoutIndex onOld = new LayoutIndex("AP_IDX_OLD", List.of("C", "AP_OLD"));
        LayoutIndex plain = new LayoutIndex("AP_IDX_C", List.of("C"));
        List<LayoutIndex> retired = List.of(onOld, plain);

        assertEquals(retired, new LayoutPlan(List.of(new LayoutPlan.NewColumn(ab, "INTEGER")), List.of(),
            List.of("AP_OLD"), retired).retiredBeforeFill());
        assertEquals(List.of(), new LayoutPlan(List.of(), List.of(), List.of("AP_OLD"), retired).retiredBeforeFill(),
            "without a fill everything retires after the cut-over, where a rollback is instant");
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
