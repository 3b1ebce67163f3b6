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
