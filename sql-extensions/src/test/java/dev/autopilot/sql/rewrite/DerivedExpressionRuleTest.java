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

package dev.autopilot.sql.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.rewrite.RewriteFixture.assertOnlyWrapped;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertRewrite;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden tests: expressions that a READY derived column holds are read from it. */
class DerivedExpressionRuleTest {
    @Test
    void whereWithoutAlias() {
        Rewrite r = assertRewrite("select l_orderkey from lineitem where l_extendedprice * l_discount > 100",
            "SELECT L_ORDERKEY FROM LINEITEM WHERE LINEITEM.AP_DISC_PRICE > 100");
        assertEquals(List.of("DerivedExpression"), r.rules());
        assertEquals(Map.of("PUBLIC.LINEITEM", Set.of("AP_DISC_PRICE")), r.usedColumns());
    }

    @Test
    void equivalentSpellings() {
        // The output column keeps the name Ignite gives the item as the client spelled it.
        assertRewrite("select sum(l_extendedprice * l_discount) from lineitem l", summed("L_EXTENDEDPRICE * L_DISCOUNT"));
        assertRewrite("select sum(L_DISCOUNT * l.L_EXTENDEDPRICE) from lineitem l",
            summed("L_DISCOUNT * L.L_EXTENDEDPRICE"));
        assertRewrite("select sum((l_EXTENDEDprice) * (L_discount)) from lineitem l",
            summed("L_EXTENDEDPRICE * L_DISCOUNT"));
        assertRewrite("select sum(l.l_discount * l.l_extendedprice) from lineitem as l",
            summed("L.L_DISCOUNT * L.L_EXTENDEDPRICE"));
    }

    @Test
    void largestMatchingPartIsReplaced() {
        assertRewrite("select sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) from lineitem",
            "SELECT SUM(LINEITEM.AP_NET_PRICE * (1 + L_TAX)) AS \"SUM(L_EXTENDEDPRICE * (1 - L_DISCOUNT) * (1 +"
                + " L_TAX))\" FROM LINEITEM");
        assertRewrite("select case when l_extendedprice * l_discount > 10 then 1 else 0 end as big from lineitem",
            "SELECT CASE WHEN LINEITEM.AP_DISC_PRICE > 10 THEN 1 ELSE 0 END AS BIG FROM LINEITEM");
    }

    @Test
    void schemaQualifiedTable() {
        assertRewrite("select l_extendedprice * l_discount as rev from public.lineitem",
            "SELECT LINEITEM.AP_DISC_PRICE AS REV FROM PUBLIC.LINEITEM");
        assertRewrite("select sum(a + b) from s2.dup d", "SELECT SUM(D.AP_AB) AS \"SUM(A + B)\" FROM S2.DUP AS D");
        assertUnchanged("select sum(a + b) from dup");
        assertRewrite("select lineitem.l_extendedprice * lineitem.l_discount as d from public.lineitem",
            "SELECT LINEITEM.AP_DISC_PRICE AS D FROM PUBLIC.LINEITEM");
        // Three-part column names are not resolved.
        assertUnchanged("select public.lineitem.l_extendedprice * public.lineitem.l_discount from public.lineitem");
    }

    @Test
    void bareSelectItemKeepsTheNameIgniteGivesIt() {
        assertRewrite("select l_orderkey, l_extendedprice * l_discount from lineitem",
            "SELECT L_ORDERKEY, LINEITEM.AP_DISC_PRICE AS \"L_EXTENDEDPRICE * L_DISCOUNT\" FROM LINEITEM");
        assertRewrite("select *, l_extendedprice * l_discount from lineitem",
            "SELECT *, L_EXTENDEDPRICE * L_DISCOUNT FROM {LINEITEM AS LINEITEM}");
    }

    @Test
    void anItemNamedByATextThatValidationChangesIsLeftAsWritten() {
        // Calcite's validator turns COALESCE and NULLIF into CASE and casts the operands of comparisons in place,
        // before Ignite names the item by its text: which text that is cannot be known before validation.
        assertUnchanged("select coalesce(l_extendedprice * l_discount, 0) + 1 from lineitem");
        assertUnchanged("select abs(l_extendedprice * l_discount / nullif(l_tax, 0)) from lineitem");
        assertUnchanged("select case when l_tax > 0 then l_extendedprice * l_discount else 0 end + 1 from lineitem");
        // Other clauses and aliased items are rewritten as before.
        assertRewrite("select coalesce(l_extendedprice * l_discount, 0) + 1 as x from lineitem "
                + "where l_extendedprice * l_discount > 1",
            "SELECT COALESCE(LINEITEM.AP_DISC_PRICE, 0) + 1 AS X FROM LINEITEM WHERE LINEITEM.AP_DISC_PRICE > 1");
        // So is an item that is itself a COALESCE: it becomes a CASE, or keeps its own node, depending on the star.
        assertUnchanged("select l_orderkey, coalesce(l_extendedprice * l_discount, 0) from lineitem");
    }

    @Test
    void bareItemAfterAnUnexpandedStarKeepsItsReadableName() {
        // The star of an unmanaged table hides the item's position, but Ignite names arithmetic by its text.
        assertRewrite("select n.*, l_extendedprice * l_discount from nation n, lineitem l",
            "SELECT N.*, L_EXTENDEDPRICE * L_DISCOUNT FROM NATION AS N, {LINEITEM AS L}");
    }

    private static String summed(String spelling) {
        return "SELECT SUM(L.AP_DISC_PRICE) AS \"SUM(" + spelling + ")\" FROM LINEITEM AS L";
    }

    @Test
    void orderByNameOfASelectItemIsThatItemNotTheTablesColumn() {
        // ORDER BY reads L_SHIPDATE as the select item D.L_SHIPDATE (its derived alias), not LINEITEM's own column.
        assertUnchanged("select d.l_shipdate from lineitem, lineitem d order by l_extendedprice * l_discount, "
                + "floor(l_quantity / 2) + d.l_tax");
        assertUnchanged("select o_orderdate as l_discount from orders, lineitem order by l_extendedprice * l_tax");
    }

    @Test
    void groupBySelectHavingAndOrderByAgree() {
        assertRewrite("select l_extendedprice * l_discount, count(*) from lineitem "
                + "group by l_extendedprice * l_discount having sum(l_discount * l_extendedprice) > 10 "
                + "order by l_extendedprice * l_discount",
            "SELECT LINEITEM.AP_DISC_PRICE AS \"L_EXTENDEDPRICE * L_DISCOUNT\", COUNT(*) FROM LINEITEM GROUP BY"
                + " LINEITEM.AP_DISC_PRICE HAVING SUM(LINEITEM.AP_DISC_PRICE) > 10\nORDER BY LINEITEM.AP_DISC_PRICE");
        assertRewrite("select l_extendedprice * l_discount + 1 from lineitem group by l_extendedprice * l_discount",
            "SELECT LINEITEM.AP_DISC_PRICE + 1 AS \"L_EXTENDEDPRICE * L_DISCOUNT + 1\" FROM LINEITEM GROUP BY"
                + " LINEITEM.AP_DISC_PRICE");
    }

    @Test
    void groupedByTheColumnsOnlyAggregatesAreRewritten() {
        assertRewrite("select l_extendedprice * l_discount, sum(l_extendedprice * l_discount) from lineitem "
                + "group by l_extendedprice, l_discount",
            "SELECT L_EXTENDEDPRICE * L_DISCOUNT, SUM(LINEITEM.AP_DISC_PRICE) AS \"SUM(L_EXTENDEDPRICE *"
                + " L_DISCOUNT)\" FROM LINEITEM GROUP BY L_EXTENDEDPRICE, L_DISCOUNT");
    }

    @Test
    void joinsInBothOrders() {
        assertRewrite("select sum(l_extendedprice * l_discount), sum(2 * o_totalprice) from orders o "
                + "join lineitem l on o.o_orderkey = l.l_orderkey and l.l_extendedprice * l.l_discount > o_totalprice",
            "SELECT SUM(L.AP_DISC_PRICE) AS \"SUM(L_EXTENDEDPRICE * L_DISCOUNT)\", SUM(O.AP_TWICE) AS \"SUM(2 *"
                + " O_TOTALPRICE)\" FROM ORDERS AS O INNER JOIN LINEITEM AS L ON O.O_ORDERKEY = L.L_ORDERKEY AND"
                + " L.AP_DISC_PRICE > O_TOTALPRICE");
        assertRewrite("select sum(o_totalprice * 2) from lineitem, orders "
                + "where l_orderkey = o_orderkey and l_discount * l_extendedprice < 5",
            "SELECT SUM(ORDERS.AP_TWICE) AS \"SUM(O_TOTALPRICE * 2)\" FROM LINEITEM, ORDERS WHERE L_ORDERKEY ="
                + " O_ORDERKEY AND LINEITEM.AP_DISC_PRICE < 5");
    }

    @Test
    void ambiguousColumnsAreLeftAlone() {
        assertUnchanged("select sum(l_extendedprice * l_discount) from lineitem a, lineitem b");
        assertUnchanged("select sum(a.l_extendedprice * b.l_discount) from lineitem a, lineitem b");
        assertRewrite("select sum(b.l_extendedprice * b.l_discount) from lineitem a, lineitem b",
            "SELECT SUM(B.AP_DISC_PRICE) AS \"SUM(B.L_EXTENDEDPRICE * B.L_DISCOUNT)\" FROM LINEITEM AS A,"
                + " LINEITEM AS B");
    }

    @Test
    void unmanagedNeighbourDoesNotOwnAColumnAManagedTableHas() {
        // A valid statement cannot name a column two relations of one block have, so LINEITEM owns it.
        assertRewrite("select sum(l_extendedprice * l_discount) from lineitem, nation",
            "SELECT SUM(LINEITEM.AP_DISC_PRICE) AS \"SUM(L_EXTENDEDPRICE * L_DISCOUNT)\" FROM LINEITEM, NATION");
    }

    @Test
    void subqueries() {
        assertRewrite("select o_orderkey from orders where o_orderkey in "
                + "(select l_orderkey from lineitem where l_extendedprice * l_discount > 10)",
            "SELECT /*+ DISABLE_RULE('MapReduceSortAggregateConverterRule') */\nO_ORDERKEY FROM ORDERS WHERE"
                + " O_ORDERKEY IN (SELECT L_ORDERKEY FROM LINEITEM WHERE LINEITEM.AP_DISC_PRICE > 10)");
        assertRewrite("select (select max(l_extendedprice * l_discount) from lineitem) from orders",
            "SELECT (SELECT MAX(LINEITEM.AP_DISC_PRICE) AS EXPR$0 FROM LINEITEM)"
                + " FROM ORDERS");
        assertRewrite("select x.rev from (select l_extendedprice * l_discount as rev from lineitem) x",
            "SELECT X.REV FROM (SELECT LINEITEM.AP_DISC_PRICE AS REV FROM LINEITEM) AS X");
    }

    @Test
    void correlatedReferenceToTheOuterTable() {
        assertRewrite("select l_orderkey from lineitem l where exists (select 1 from orders o "
                + "where o.o_orderkey = l.l_orderkey and o_totalprice < l_extendedprice * l_discount)",
            "SELECT L_ORDERKEY FROM LINEITEM AS L WHERE EXISTS (SELECT 1 FROM ORDERS AS O WHERE O.O_ORDERKEY ="
                + " L.L_ORDERKEY AND O_TOTALPRICE < L.AP_DISC_PRICE)");
        // NATION might have the column: the reference cannot be resolved.
        assertUnchanged("select l_orderkey from lineitem where exists "
            + "(select 1 from nation where n_x < l_extendedprice * l_discount)");
        // The inner alias LINEITEM would capture LINEITEM.AP_DISC_PRICE.
        assertUnchanged("select l_orderkey from lineitem where exists "
            + "(select 1 from orders lineitem where o_totalprice < l_extendedprice * l_discount)");
    }

    /** Ignite names unaliased items by their text only in the SELECT that is the statement: elsewhere EXPR$n. */
    @Test
    void unionWithAndExplain() {
        assertRewrite("select l_extendedprice * l_discount from lineitem union select o_totalprice * 2 from orders",
            "SELECT LINEITEM.AP_DISC_PRICE AS EXPR$0 FROM LINEITEM UNION SELECT"
                + " ORDERS.AP_TWICE AS EXPR$0 FROM ORDERS");
        assertRewrite("with c as (select 1 as x) select l_extendedprice * l_discount from lineitem",
            "WITH C AS (SELECT 1 AS X) SELECT LINEITEM.AP_DISC_PRICE AS EXPR$0 FROM LINEITEM");
        assertRewrite("with r as (select l_extendedprice * l_discount as rev from lineitem) select sum(rev) from r",
            "WITH R AS (SELECT LINEITEM.AP_DISC_PRICE AS REV FROM LINEITEM) SELECT SUM(REV) FROM R");
        assertRewrite("explain plan for select l_orderkey from lineitem where l_extendedprice * l_discount > 1",
            "EXPLAIN PLAN INCLUDING ATTRIBUTES WITH IMPLEMENTATION FOR\nSELECT L_ORDERKEY FROM LINEITEM WHERE"
                + " LINEITEM.AP_DISC_PRICE > 1");
    }

    @Test
    void parametersStayInPlaceAndInOrder() {
        Rewrite r = assertRewrite("select l_orderkey from lineitem where l_extendedprice * l_discount > ? "
                + "and l_tax < ? and l_extendedprice * l_discount + ? < l_extendedprice * ?",
            "SELECT L_ORDERKEY FROM LINEITEM WHERE LINEITEM.AP_DISC_PRICE > ? AND L_TAX < ? AND"
                + " LINEITEM.AP_DISC_PRICE + ? < L_EXTENDEDPRICE * ?");
        List<Integer> indexes = new ArrayList<>();
        r.statement().accept(new SqlBasicVisitor<Void>() {
            @Override public Void visit(SqlDynamicParam p) {
                indexes.add(p.getIndex());
                return null;
            }
        });
        assertEquals(List.of(0, 1, 2, 3), indexes);
    }

    @Test
    void otherShapesOfPredicatesAndAggregates() {
        assertRewrite("select count(distinct l_extendedprice * l_discount) from lineitem "
                + "where l_extendedprice * l_discount between ? and 10 and l_discount * l_extendedprice in (1, 2)",
            "SELECT COUNT(DISTINCT LINEITEM.AP_DISC_PRICE) AS \"COUNT(DISTINCT L_EXTENDEDPRICE * L_DISCOUNT)\""
                + " FROM LINEITEM WHERE LINEITEM.AP_DISC_PRICE BETWEEN ASYMMETRIC ? AND 10 AND LINEITEM.AP_DISC_PRICE"
                + " IN (1, 2)");
        assertRewrite("select l_orderkey, sum(l_extendedprice * l_discount) over (partition by l_orderkey) from lineitem",
            "SELECT L_ORDERKEY, SUM(LINEITEM.AP_DISC_PRICE) OVER (PARTITION BY L_ORDERKEY) AS EXPR$1 FROM"
                + " LINEITEM");
    }

    @Test
    void correlatedReferenceFromAfterGroupingIsLeftAlone() {
        // In the select list of a grouped block the outer row is a group: L.AP_DISC_PRICE is no grouping key.
        assertUnchanged("select l_extendedprice, l_discount, (select count(*) from orders "
            + "where o_totalprice < l_extendedprice * l_discount) from lineitem group by l_extendedprice, l_discount");
        assertRewrite("select l_orderkey from lineitem where l_orderkey in (select o_orderkey from orders "
                + "where o_totalprice < l_extendedprice * l_discount) group by l_orderkey",
            "SELECT /*+ DISABLE_RULE('MapReduceSortAggregateConverterRule') */\nL_ORDERKEY FROM LINEITEM WHERE"
                + " L_ORDERKEY IN (SELECT O_ORDERKEY FROM ORDERS WHERE O_TOTALPRICE < LINEITEM.AP_DISC_PRICE) GROUP BY"
                + " L_ORDERKEY");
    }

    @Test
    void hintsAndWindowsAreKept() {
        assertRewrite("select /*+ NO_INDEX */ l_orderkey from lineitem where l_extendedprice * l_discount > 1",
            "SELECT /*+ NO_INDEX */\nL_ORDERKEY FROM LINEITEM WHERE LINEITEM.AP_DISC_PRICE > 1");
        assertRewrite("select l_orderkey from lineitem /*+ FORCE_INDEX(IDX) */ where l_extendedprice * l_discount > 1",
            "SELECT L_ORDERKEY FROM LINEITEM /*+ FORCE_INDEX(IDX) */ WHERE LINEITEM.AP_DISC_PRICE > 1");
        assertRewrite("select rank() over (order by l_extendedprice * l_discount) from lineitem",
            "SELECT RANK() OVER (ORDER BY LINEITEM.AP_DISC_PRICE) AS EXPR$0 FROM LINEITEM");
        assertRewrite("select sum(l_tax) over (partition by l_extendedprice * l_discount) from lineitem",
            "SELECT SUM(L_TAX) OVER (PARTITION BY LINEITEM.AP_DISC_PRICE) AS EXPR$0 FROM LINEITEM");
    }

    @Test
    void onlyReadyColumnsOfRewritableLayouts() {
        assertUnchanged("select sum(l_quantity * l_tax) from lineitem");
        assertUnchanged("select sum(s_acctbal / 2) from supplier");
    }

    @Test
    void selectAliasInOrderByIsNotAColumn() {
        assertUnchanged("select l_tax as l_discount from lineitem order by l_extendedprice * l_discount");
    }

    @Test
    void quotedLowerCaseIsAnotherColumn() {
        assertUnchanged("select sum(l_extendedprice * \"l_discount\") from lineitem");
    }

    @Test
    void notAnExpressionOfOneTable() {
        assertUnchanged("select l_extendedprice * l_nope from lineitem");
        assertUnchanged("select l_extendedprice * o_totalprice from lineitem, orders");
        assertOnlyWrapped("select l_extendedprice * l_discount from lineitem l (a, b, c, d, e, f, g, h)",
            "SELECT L_EXTENDEDPRICE * L_DISCOUNT FROM (SELECT L_ORDERKEY, L_LINENUMBER, L_QUANTITY,"
            + " L_EXTENDEDPRICE, L_DISCOUNT, L_TAX, L_SHIPDATE, L_COMMENT FROM LINEITEM) AS L (A, B, C, D, E, F,"
            + " G, H)");
    }
}
