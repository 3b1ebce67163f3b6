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
import dev.autopilot.sql.schema.TypeName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A stored layout read against its table as it is now, after a user's DDL (issue 23). */
class LiveLayoutTest {
    private static final ColumnType INT = ColumnType.of(TypeName.INTEGER);
    private static final TableSchema T = new TableSchema("PUBLIC.T", "SQL_PUBLIC_T",
        columns("ID", INT, "A", INT, "B", INT, "C", ColumnType.decimal(15, 2)), List.of("ID"), List.of());
    private static final DerivedColumn AB = new DerivedColumn("AP_AB", DerivedExpression.parse("a * b", T, "e"),
        ColumnState.READY);
    private static final DerivedColumn BC = new DerivedColumn("AP_BC", DerivedExpression.parse("b * c", T, "e"),
        ColumnState.READY);
    private static final LayoutIndex INDEX = new LayoutIndex("AP_IDX_AB", List.of("AP_AB", "C"));
    private static final PartitionLayout STORED = new PartitionLayout(T, 4, List.of(AB, BC), List.of(INDEX), true);

    @Test
    void theUsersColumnsAreTheLiveOnesWithoutTheDerivedInDeclarationOrderTypedAsStoredWhereKnown() {
        LiveTable live = new LiveTable(columns("ID", INT, "A", INT, "B", INT, "C", ColumnType.of(TypeName.DECIMAL),
            "AP_AB", INT, "AP_BC", INT, "E", ColumnType.of(TypeName.VARCHAR)), Set.of("AP_IDX_AB"));

        PartitionLayout followed = LiveLayout.follow(STORED, live);

        assertEquals(columns("ID", INT, "A", INT, "B", INT, "C", ColumnType.decimal(15, 2), "E",
            ColumnType.of(TypeName.VARCHAR)), followed.table().columns());
        assertEquals(List.of(AB, BC), followed.derived());
        assertEquals(List.of(INDEX), followed.indexes());
    }

    @Test
    void aDerivedColumnThatLostAColumnItReadsIsLeftOutWithItsIndexThenDropped() {
        LiveTable live = new LiveTable(columns("ID", INT, "B", INT, "C", INT, "AP_AB", INT, "AP_BC", INT),
            Set.of("AP_IDX_AB"));

        PartitionLayout followed = LiveLayout.follow(STORED, live);

        assertEquals(List.of("ID", "B", "C"), List.copyOf(followed.table().columns().keySet()));
        assertEquals(List.of(BC), followed.derived());
        assertEquals(List.of(), followed.indexes());
        assertEquals(List.of(AB), LiveLayout.broken(STORED, live));
    }

    @Test
    void aNewTableOfTheSameNameGetsNothingOfTheOldOnesLayout() {
        LiveTable again = new LiveTable(columns("ID", INT, "B", INT, "A", INT, "D", INT), Set.of());

        assertNull(LiveLayout.follow(STORED, again));
        assertNull(LiveLayout.follow(STORED, null));
        PartitionLayout base = LiveLayout.base(STORED, again);
        assertEquals(List.of(), base.derived());
        assertEquals(List.of(), base.indexes());
        assertEquals(List.of("ID", "B", "A", "D", "C"), List.copyOf(base.table().columns().keySet()),
            "the stored columns the table no longer has stay last, so that expressions stored with them read back");
    }

    private static Map<String, ColumnType> columns(Object... nameAndType) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (int i = 0; i < nameAndType.length; i += 2)
            out.put((String)nameAndType[i], (ColumnType)nameAndType[i + 1]);
        return out;
    }
}
