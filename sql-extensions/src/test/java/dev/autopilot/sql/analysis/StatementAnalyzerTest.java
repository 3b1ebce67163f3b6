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

package dev.autopilot.sql.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.StatementParser;
import dev.autopilot.sql.internal.CalciteHook;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden tests: statement text in, shape out, parsed with Ignite's own grammar. */
class StatementAnalyzerTest {
    private static final StatementParser PARSER = CalciteHook.plainParser();

    private static final Map<String, Set<String>> COLUMNS = Map.of(
        "LINEITEM", Set.of("L_ORDERKEY", "L_EXTENDEDPRICE", "L_DISCOUNT", "L_SHIPDATE", "L_QUANTITY"),
        "ORDERS", Set.of("O_ORDERKEY", "O_ORDERDATE", "O_TOTALPRICE"));

    private static StatementShape analyze(String sql) {
        TableColumns columns = (t, c) -> COLUMNS.getOrDefault(t, Set.of()).contains(c);
        return new StatementAnalyzer(columns).analyze(PARSER.parse(sql).get(0));
    }

    @Test
    void expressionFilterWithLiterals() {
        StatementShape s = analyze("select l_orderkey from lineitem "
            + "where l_extendedprice * l_discount between 10 and 20 and floor(l_quantity / 10) = 3");

        assertEquals(StatementKind.SELECT, s.kind());
        assertEquals(List.of("LINEITEM"), s.tables());
        assertEquals("SELECT L_ORDERKEY FROM LINEITEM WHERE L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ASYMMETRIC ? AND ? "
            + "AND FLOOR(L_QUANTITY / 10) = ?", s.template());
        assertEquals(List.of(
            new Predicate("LINEITEM", "L_EXTENDEDPRICE * L_DISCOUNT", List.of("L_EXTENDEDPRICE", "L_DISCOUNT"),
                "BETWEEN", List.of(0, 1), false),
            new Predicate("LINEITEM", "FLOOR(L_QUANTITY / 10)", List.of("L_QUANTITY"), "=", List.of(2), false)),
            s.predicates());
        assertTrue(s.predicates().get(0).onExpression());
    }

    @Test
    void literalsAndParametersGroupTogether() {
        assertEquals(analyze("SELECT * FROM t WHERE a = 1 AND b < 'x'").template(),
            analyze("select * from T where A = ? and B < ?").template());
    }

    @Test
    void constantsOfAnExpressionArePartOfIt() {
        StatementShape s = analyze("SELECT SUM(l_extendedprice * (1 - l_discount)) FROM lineitem "
            + "WHERE FLOOR(l_quantity / 100) = 3 AND l_quantity + 1 > 5 AND SUBSTRING(l_comment, 1, 3) = 'abc'");

        assertEquals(List.of("SUM(L_EXTENDEDPRICE * (1 - L_DISCOUNT))"), s.projections());
        assertEquals(List.of("FLOOR(L_QUANTITY / 100)", "L_QUANTITY + 1", "SUBSTRING(L_COMMENT, 1, 3)"),
            s.predicates().stream().map(Predicate::expression).toList());
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)),
            s.predicates().stream().map(Predicate::placeholders).toList());
        assertTrue(!analyze("SELECT * FROM t WHERE FLOOR(c / 10) = 1").template()
            .equals(analyze("SELECT * FROM t WHERE FLOOR(c / 100) = 1").template()), "different expressions");
    }

    @Test
    void valueOnTheLeftIsFlipped() {
        Predicate p = analyze("SELECT a FROM t WHERE 5 < a").predicates().get(0);

        assertEquals(">", p.operator());
        assertEquals("A", p.expression());
        assertFalse(p.onExpression());
    }

    @Test
    void aliasesAndJoinsAttributeColumnsToTheirTables() {
        StatementShape s = analyze("SELECT o.o_orderdate, SUM(l.l_extendedprice) FROM lineitem l "
            + "JOIN orders o ON l.l_orderkey = o.o_orderkey "
            + "WHERE o.o_orderdate >= DATE '1995-01-01' AND l_discount > ? GROUP BY o.o_orderdate");

        assertEquals(List.of("LINEITEM", "ORDERS"), s.tables());
        assertEquals(2, s.predicates().size());
        assertEquals("ORDERS", s.predicates().get(0).table());
        assertEquals("O_ORDERDATE", s.predicates().get(0).expression());
        assertEquals("LINEITEM", s.predicates().get(1).table(), "unqualified column found through TableColumns");
        assertEquals(List.of("O_ORDERDATE", "SUM(L_EXTENDEDPRICE)"), s.projections());
        assertEquals(List.of("O_ORDERDATE"), s.groupBy());
    }

    @Test
    void subqueriesAndDisjunctions() {
        StatementShape s = analyze("SELECT a FROM t WHERE (b = 1 OR c = 2) "
            + "AND d IN (SELECT x FROM u WHERE y > 3)");

        assertEquals(List.of("T", "U"), s.tables());
        assertTrue(s.predicates().stream().filter(p -> p.expression().equals("B")).allMatch(Predicate::disjunctive));
        assertTrue(s.predicates().stream().anyMatch(p -> p.table().equals("U") && p.expression().equals("Y")));
        assertTrue(s.predicates().stream().anyMatch(p -> p.expression().equals("D") && p.operator().equals("IN")));
    }

    @Test
    void dmlWritesItsTarget() {
        StatementShape s = analyze("UPDATE lineitem SET l_comment = 'x' WHERE l_orderkey = 7");

        assertEquals(StatementKind.DML, s.kind());
        assertEquals(List.of("LINEITEM"), s.tables());
        assertEquals("L_ORDERKEY", s.predicates().get(0).expression());
        assertEquals("UPDATE LINEITEM SET L_COMMENT = ? WHERE L_ORDERKEY = ?", s.template());
        assertEquals(List.of(1), s.predicates().get(0).placeholders());

        assertEquals(StatementKind.DML, analyze("INSERT INTO t (a, b) VALUES (1, 2)").kind());
        assertEquals(StatementKind.DML, analyze("DELETE FROM t WHERE a = 1").kind());
    }

    @Test
    void ddlAndOtherStatements() {
        assertEquals(StatementKind.DDL, analyze("CREATE TABLE t (a INT PRIMARY KEY, b INT)").kind());
        assertEquals(StatementKind.DDL, analyze("CREATE INDEX i ON t (b)").kind());
        assertEquals(StatementKind.OTHER, analyze("EXPLAIN PLAN FOR SELECT * FROM t").kind());
    }

    @Test
    void extractAndCaseAreExpressions() {
        StatementShape s = analyze("SELECT EXTRACT(YEAR FROM l_shipdate), COUNT(*) FROM lineitem "
            + "WHERE EXTRACT(YEAR FROM l_shipdate) = 1995 GROUP BY EXTRACT(YEAR FROM l_shipdate)");

        assertEquals("EXTRACT(YEAR FROM L_SHIPDATE)", s.predicates().get(0).expression());
        assertEquals(List.of("EXTRACT(YEAR FROM L_SHIPDATE)"), s.groupBy());
    }

    @Test
    void columnComparedWithColumnIsNotAFilter() {
        assertTrue(analyze("SELECT * FROM a, b WHERE a.x = b.y").predicates().isEmpty());
    }

    @Test
    void ambiguousUnqualifiedColumnHasNoTable() {
        assertNull(analyze("SELECT * FROM a JOIN b ON a.k = b.k WHERE z = 1").predicates().get(0).table());
    }

    @Test
    void textAsIgniteRegistersItAnalyzesLikeTheOriginal() {
        String original = "select l_orderkey from lineitem where l_extendedprice * l_discount > 10";
        String registered = PARSER.parse(original).get(0).toString();

        StatementShape reparsed = new StatementAnalyzer().analyze(
            CalciteHook.registeredTextParser().parse(registered).get(0));

        assertTrue(registered.contains("`"), registered);
        assertEquals(analyze(original), reparsed);
    }

    @Test
    void brokenSqlIsRejectedWithTheParserMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PARSER.parse("SELECT * FROM t WHERE"));
        assertTrue(e.getMessage().startsWith("Invalid SQL: ") && e.getMessage().contains("line 1"), e.getMessage());
    }
}
