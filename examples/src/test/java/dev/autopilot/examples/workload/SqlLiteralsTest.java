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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {
    @Test
    void writesEachSupportedTypeAsItsSqlLiteral() {
        String sql = SqlLiterals.inline("SELECT * FROM T WHERE A = ? AND B = ? AND C = ? AND D = ? AND E = ?",
            List.of(42L, 7, new BigDecimal("0.05"), LocalDate.of(1995, 3, 15), "O'Brien"));

        assertEquals("SELECT * FROM T WHERE A = 42 AND B = 7 AND C = 0.05 AND D = DATE '1995-03-15' AND E = 'O''Brien'",
            sql);
    }

    @Test
    void leavesQuestionMarksInsideStringLiteralsAlone() {
        assertEquals("SELECT 'why?' FROM T WHERE A = 1", SqlLiterals.inline("SELECT 'why?' FROM T WHERE A = ?",
            List.of(1L)));
    }

    @Test
    void writesLargeDecimalsWithoutExponent() {
        assertEquals("10000000000", SqlLiterals.literal(new BigDecimal("1E+10")));
    }

    @Test
    void rejectsTooFewOrTooManyValues() {
        assertEquals("more ? than values (1) in: A = ? AND B = ?", assertThrows(IllegalArgumentException.class,
            () -> SqlLiterals.inline("A = ? AND B = ?", List.of(1L))).getMessage());
        assertEquals("2 values for 1 ? in: A = ?", assertThrows(IllegalArgumentException.class,
            () -> SqlLiterals.inline("A = ?", List.of(1L, 2L))).getMessage());
    }

    @Test
    void rejectsTypesItCannotWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlLiterals.literal(1.5d));

        assertEquals("no SQL literal for a java.lang.Double: 1.5", e.getMessage());
    }
}
