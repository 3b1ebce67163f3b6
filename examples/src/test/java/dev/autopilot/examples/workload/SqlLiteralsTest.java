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
