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

package dev.autopilot.adaptation.mining;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import dev.autopilot.adaptation.Lineitem;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.schema.TypeName;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.log.Template;
import dev.autopilot.sql.log.TemplateWindowStats;
import dev.autopilot.sql.stats.ManagedTable;
import dev.autopilot.sql.stats.TableStatistics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The generator's inputs are built from what sql-extensions already records. */
class InputsTest {
    @Test
    void schemaFromAManagedTable() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("L_ORDERKEY", "L_ORDERKEY");
        columns.put("L_LINENUMBER", "L_LINENUMBER");
        columns.put("L_DISCOUNT", "L_DISCOUNT");
        columns.put("L_SHIPDATE", "L_SHIPDATE");
        Map<String, String> types = Map.of("L_ORDERKEY", "java.lang.Long", "L_LINENUMBER", "java.lang.Integer",
            "L_DISCOUNT", "java.math.BigDecimal", "L_SHIPDATE", "java.sql.Date");
        ManagedTable t = new ManagedTable("PUBLIC", "LINEITEM", "LINEITEM", columns, types,
            Set.of("L_ORDERKEY", "L_LINENUMBER"), null);

        TableSchema s = TableSchema.of(t, List.of(List.of("L_SHIPDATE")));

        assertEquals("PUBLIC.LINEITEM", s.table());
        assertEquals(List.of("L_ORDERKEY", "L_LINENUMBER"), s.primaryKey());
        assertEquals(List.of(List.of("L_ORDERKEY", "L_LINENUMBER"), List.of("L_SHIPDATE")), s.existingIndexes());
        assertEquals(ColumnType.of(TypeName.DECIMAL), s.type("L_DISCOUNT"));
        assertEquals(ColumnType.of(TypeName.DATE), s.type("L_SHIPDATE"));
    }

    @Test
    void loadOfATemplateSumsItsNodes() {
        Template t = Template.of("PUBLIC", new StatementAnalyzer().analyze(
            CalciteHook.plainParser().parse("SELECT * FROM LINEITEM WHERE L_SHIPMODE = ?").get(0)));
        List<TemplateWindowStats> stats = List.of(
            new TemplateWindowStats(0, t.id(), new UUID(0, 1), 30, 0, 10, 20, 30, new long[0]),
            new TemplateWindowStats(0, t.id(), new UUID(0, 2), 10, 0, 50, 60, 70, new long[0]),
            new TemplateWindowStats(0, "other", new UUID(0, 2), 99, 0, 1, 1, 1, new long[0]));

        TemplateLoad load = TemplateLoad.of(t, stats);

        assertEquals(40, load.executions());
        assertEquals(20.0, load.meanLatencyMillis(), 1e-9);
        assertEquals(List.of("PUBLIC.LINEITEM"), load.shape().tables());
    }

    @Test
    void writeRateFromStatistics() {
        TableStatistics stats = new TableStatistics("PUBLIC.LINEITEM", "LINEITEM", 10, 100, 10, 5, 120, 0, List.of());
        assertEquals(2.0, TableWorkload.of(Lineitem.schema(), stats, List.of(), 60,
            AutopilotStructures.NONE).writesPerSecond(), 1e-9);
    }

    @Test
    void windowMustHaveALength() {
        assertThrows(IllegalArgumentException.class, () -> new WorkloadSnapshot(5, 5, List.of()));
    }
}
