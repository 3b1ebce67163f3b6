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

package dev.autopilot.examples.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TpchLoaderTest {
    @Test
    void insertsSeveralRowsPerStatement() {
        assertEquals("INSERT INTO T (A, B) VALUES (?, ?), (?, ?), (?, ?)",
            TpchLoader.insertSql("T", List.of("A", "B"), 3));
    }

    @Test
    void refusesStatementsCalciteCannotPlanInTime() {
        TpchLoader.Builder builder = TpchLoader.builder("jdbc:ignite:thin://127.0.0.1:10800");

        assertEquals("rowsPerStatement must be between 1 and 10: 11",
            assertThrows(IllegalArgumentException.class, () -> builder.rowsPerStatement(11)).getMessage());
    }
}
