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

import java.util.List;
import java.util.Map;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HiddenColumns#derivedIn}: which columns catalogs leave out. */
class HiddenColumnsTest {
    private static final TableSchema T = new TableSchema("PUBLIC.T", "T",
        Map.of("A", ColumnType.parse("INT"), "B", ColumnType.parse("INT")), List.of(), List.of());

    private static final HiddenColumns HIDDEN = HiddenColumns.derivedIn(() -> new LayoutSnapshot(1, List.of(
        new PartitionLayout(T, 1, List.of(column("AP_READY", ColumnState.READY),
            column("AP_BUILDING", ColumnState.BUILDING), column("AP_RETIRING", ColumnState.RETIRING)), List.of(),
            false))));

    private static DerivedColumn column(String name, ColumnState state) {
        return new DerivedColumn(name, DerivedExpression.parse("a * b", T, "test"), state);
    }

    @Test
    void everyDerivedColumnOfALayoutIsHiddenWhateverItsState() {
        assertTrue(HIDDEN.hidden("PUBLIC", "T", "AP_READY"));
        assertTrue(HIDDEN.hidden("PUBLIC", "T", "AP_BUILDING"));
        assertTrue(HIDDEN.hidden("PUBLIC", "T", "AP_RETIRING"));
        assertTrue(HIDDEN.hidden("PUBLIC", "t", "AP_READY"), "layouts key tables upper-cased");
    }

    @Test
    void theUsersColumnsAndOtherTablesAreShown() {
        assertFalse(HIDDEN.hidden("PUBLIC", "T", "A"));
        assertFalse(HIDDEN.hidden("PUBLIC", "T", "AP_OTHER"), "an AP_ name alone hides nothing");
        assertFalse(HIDDEN.hidden("PUBLIC", "U", "AP_READY"));
        assertFalse(HIDDEN.hidden("OTHER", "T", "AP_READY"));
    }
}
