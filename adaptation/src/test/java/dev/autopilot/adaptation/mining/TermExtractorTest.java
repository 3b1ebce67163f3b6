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

import java.util.List;
import dev.autopilot.adaptation.Lineitem;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.internal.CalciteHook;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filters of a template become index terms with selectivities from LINEITEM's statistics. */
class TermExtractorTest {
    private static final TermExtractor EXTRACTOR = new TermExtractor(Lineitem.schema(),
        new SelectivityEstimator(TpchPhases.statistics(7)));

    private static List<Term> terms(String sql) {
        return EXTRACTOR.terms(new TemplateLoad("t", new StatementAnalyzer()
            .analyze(CalciteHook.plainParser().parse(sql).get(0)).qualified("PUBLIC"), 1, 1));
    }

    @Test
    void twoOneSidedRangesMakeOneTwoSidedRange() {
        List<Term> t = terms("SELECT * FROM LINEITEM WHERE L_SHIPDATE >= ? AND L_SHIPDATE < ? AND L_QUANTITY < ?");

        assertEquals(List.of("L_SHIPDATE", "L_QUANTITY"), t.stream().map(Term::key).toList());
        assertEquals(1.0 / 32, t.get(0).selectivity(), 1e-9);
        assertEquals(1.0 / 3, t.get(1).selectivity(), 1e-9);
        assertFalse(t.get(0).equality());
    }

    @Test
    void equalitiesAndDerivedExpressions() {
        List<Term> t = terms("SELECT * FROM LINEITEM WHERE FLOOR(L_QUANTITY / 10) = ? AND L_SHIPMODE IN (?, ?) "
            + "AND EXTRACT(YEAR FROM L_SHIPDATE) = ?");

        assertTrue(t.stream().allMatch(Term::equality));
        assertEquals(1 / 5.9, t.get(0).selectivity(), 1e-9, "quantities 1..50 in buckets of 10");
        assertTrue(t.get(0).derived());
        assertEquals(2.0 / 7, t.get(1).selectivity(), 1e-9);
        assertEquals(1.0 / 7, t.get(2).selectivity(), 1e-9, "ship years 1992..1998");
    }

    @Test
    void whatAnIndexCannotServeIsLeftOut() {
        assertEquals(List.of(), terms("SELECT * FROM LINEITEM WHERE L_SHIPMODE = ? OR L_QUANTITY = ?"));
        assertEquals(List.of(), terms("SELECT * FROM LINEITEM WHERE L_SHIPMODE <> ? AND L_COMMENT LIKE ?"));
        assertEquals(List.of(), terms("SELECT * FROM LINEITEM WHERE L_QUANTITY * RAND() > ?"));
        assertEquals(List.of(), terms("SELECT * FROM ORDERS WHERE O_ORDERDATE = ?"));
        assertEquals(List.of(), terms("SELECT * FROM LINEITEM WHERE L_ORDERKEY IN (SELECT O_ORDERKEY FROM ORDERS)"));
    }
}
