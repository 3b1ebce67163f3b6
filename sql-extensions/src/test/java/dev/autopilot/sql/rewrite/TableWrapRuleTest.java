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

import java.util.List;
import dev.autopilot.sql.schema.TableSchema;
import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.rewrite.RewriteFixture.assertOnlyWrapped;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertRewrite;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tests: a table with derived columns is read through a wrapper that gives the user's columns, so no star, view,
 * CTE or join shape can show a derived column. The first test states the wrapper's whole text; the others write it
 * short ({@link WrapperText}).
 */
class TableWrapRuleTest {
    @Test
    void wrapperListsTheUsersColumnsInOrder() {
        assertOnlyWrapped("select * from lineitem", "SELECT * FROM {LINEITEM AS LINEITEM}");
    }

    @Test
    void starsInEveryPosition() {
        assertOnlyWrapped("select l_tax, l.* from lineitem l", "SELECT L_TAX, L.* FROM {LINEITEM AS L}");
        assertOnlyWrapped("select * from lineitem a, lineitem b", "SELECT * FROM {LINEITEM AS A}, {LINEITEM AS B}");
        assertOnlyWrapped("select * from lineitem l, nation n", "SELECT * FROM {LINEITEM AS L}, NATION AS N");
        assertOnlyWrapped("select * from (select * from lineitem) x",
            "SELECT * FROM (SELECT * FROM {LINEITEM AS LINEITEM}) AS X");
        assertOnlyWrapped("select * from supplier union all select * from supplier",
            "SELECT * FROM {SUPPLIER AS SUPPLIER} UNION ALL SELECT * FROM {SUPPLIER AS SUPPLIER}");
        assertOnlyWrapped("select o_orderkey from orders where exists (select * from lineitem where l_orderkey = o_orderkey)",
            "SELECT O_ORDERKEY FROM ORDERS WHERE EXISTS (SELECT * FROM {LINEITEM AS LINEITEM} WHERE L_ORDERKEY ="
                + " O_ORDERKEY)");
    }

    @Test
    void shapesThatDefeatedAStarExpansion() {
        // An unaliased derived table, a table function and a CTE that shadows the table: each star sees user columns.
        assertOnlyWrapped("select * from lineitem, (select 1 as x)",
            "SELECT * FROM {LINEITEM AS LINEITEM}, (SELECT 1 AS X)");
        assertOnlyWrapped("select * from lineitem, table(system_range(1, 1))",
            "SELECT * FROM {LINEITEM AS LINEITEM}, TABLE(SYSTEM_RANGE(1, 1))");
        assertOnlyWrapped("with lineitem as (select * from public.lineitem) select * from lineitem",
            "WITH LINEITEM AS (SELECT * FROM {PUBLIC.LINEITEM AS LINEITEM}) SELECT * FROM LINEITEM");
        assertUnchanged("with lineitem as (select 1 as x) select * from lineitem");
    }

    @Test
    void schemaQualifiedNamesOfAnUnaliasedTableAreShortened() {
        assertOnlyWrapped("select public.lineitem.* from public.lineitem",
            "SELECT LINEITEM.* FROM {PUBLIC.LINEITEM AS LINEITEM}");
        assertUnchanged("select public.lineitem.l_tax from public.lineitem order by public.lineitem.l_tax");
        assertOnlyWrapped("select * from public.lineitem l where l_tax > 0",
            "SELECT * FROM {PUBLIC.LINEITEM AS L WHERE L_TAX > 0}");
    }

    @Test
    void onlyBlocksThatListColumnsWholesaleReadThroughWrappers() {
        // A CTE's own query reads the table it is named after; the body reads the CTE.
        assertOnlyWrapped("with lineitem as (select * from lineitem) select * from lineitem",
            "WITH LINEITEM AS (SELECT * FROM {LINEITEM AS LINEITEM}) SELECT * FROM LINEITEM");
        // Without a star nothing lists the table's columns: it is read as it is (Ignite 2.17 misreads a correlated
        // select-list subquery over a derived table, so a wrapper is not put where it is not needed).
        assertUnchanged("select l.l_orderkey, (select count(*) from orders o where o.o_orderkey = l.l_orderkey) "
            + "from lineitem l");
    }

    @Test
    void naturalUsingAndColumnAliasesMeetTheUsersColumnsOnly() {
        assertOnlyWrapped("select * from lineitem natural join orders o",
            "SELECT * FROM {LINEITEM AS LINEITEM} NATURAL INNER JOIN {ORDERS AS O}");
        assertOnlyWrapped("select * from lineitem l join nation n using (l_orderkey) where l_extendedprice * l_discount > 1",
            "SELECT * FROM {LINEITEM AS L} INNER JOIN NATION AS N USING (L_ORDERKEY) "
                + "WHERE L_EXTENDEDPRICE * L_DISCOUNT > 1");
        assertOnlyWrapped("select l.*, l.l_extendedprice * l.l_discount as d from lineitem l join nation n using (l_orderkey)",
            "SELECT L.*, L.L_EXTENDEDPRICE * L.L_DISCOUNT AS D FROM {LINEITEM AS L} INNER JOIN NATION AS N "
                + "USING (L_ORDERKEY)");
        assertOnlyWrapped("select a from lineitem l (a, b, c, d, e, f, g, h)",
            "SELECT A FROM (SELECT L_ORDERKEY, L_LINENUMBER, L_QUANTITY, L_EXTENDEDPRICE, L_DISCOUNT, L_TAX, "
                + "L_SHIPDATE, L_COMMENT FROM LINEITEM) AS L (A, B, C, D, E, F, G, H)");
    }

    @Test
    void aStarBlockFiltersInsideTheWrapperAndNeverShowsTheColumn() {
        assertRewrite("select * from lineitem l where l_extendedprice * l_discount > 1",
            "SELECT * FROM {LINEITEM AS L WHERE L.AP_DISC_PRICE > 1}");
        // Outside the wrapper a star block computes the expression.
        assertOnlyWrapped("select *, l_extendedprice * l_discount from lineitem",
            "SELECT *, L_EXTENDEDPRICE * L_DISCOUNT FROM {LINEITEM AS LINEITEM}");
    }

    @Test
    void theNullSideOfAnOuterJoinReadsNoDerivedColumn() {
        // COALESCE(x, 0) is 0 on a null-extended row, where a derived column would read NULL.
        assertUnchanged("select o_orderkey, l.l_extendedprice * l.l_discount from orders o "
                + "left join lineitem l on l.l_orderkey = o.o_orderkey where l.l_extendedprice * l.l_discount is null");
        assertRewrite("select l_orderkey, o.o_totalprice * 2 from lineitem l "
                + "right join orders o on l.l_orderkey = o.o_orderkey",
            "SELECT L_ORDERKEY, O.AP_TWICE AS \"O.O_TOTALPRICE * 2\" FROM LINEITEM AS L RIGHT JOIN ORDERS AS O"
                + " ON L.L_ORDERKEY = O.O_ORDERKEY");
    }

    @Test
    void subqueriesOfDmlAreWrappedButTheTargetIsNot() {
        assertUnchanged("update orders set o_comment = 'x' where o_orderkey in (select l_orderkey from lineitem)");
        assertUnchanged("delete from orders where o_orderkey in (select l_orderkey from lineitem where l_tax > 0)");
        assertOnlyWrapped("merge into orders o using (select * from lineitem) l on o.o_orderkey = l.l_orderkey "
                + "when matched then update set o_comment = 'y'",
            "MERGE INTO ORDERS AS O\nUSING (SELECT * FROM {LINEITEM AS LINEITEM}) AS L\nON O.O_ORDERKEY = L.L_ORDERKEY\n"
                + "WHEN MATCHED THEN UPDATE SET O_COMMENT = 'y'");
    }

    @Test
    void ambiguousOrQuotedOtherNamesAreLeftAlone() {
        assertUnchanged("select * from dup");
        assertUnchanged("select * from \"lineitem\"");
        assertOnlyWrapped("select * from s1.dup", "SELECT * FROM {S1.DUP AS DUP}");
        assertOnlyWrapped("select * from \"LINEITEM\"", "SELECT * FROM {LINEITEM AS LINEITEM}");
    }

    @Test
    void aViewDefinitionListsTheUsersColumnsOfEveryTableItReads() {
        // NATION has no layout: the catalog still gives its columns, since it may gain derived columns later.
        TableCatalog catalog = new TableCatalog() {
            @Override public List<String> named(String simpleName) {
                return simpleName.equals("LINEITEM") || simpleName.equals("NATION") ? List.of("PUBLIC." + simpleName)
                    : List.of();
            }

            @Override public TableSchema table(String qualifiedName) {
                return qualifiedName.equals("PUBLIC.LINEITEM") ? RewriteFixture.LINEITEM
                    : qualifiedName.equals("PUBLIC.NATION") ? RewriteFixture.table("PUBLIC.NATION", "N_KEY INT") : null;
            }
        };
        Rewrite r = QueryRewriter.create().rewrite(RewriteFixture.parse("create view v as select * from lineitem l, "
            + "nation where l_extendedprice * l_discount > 1"), RewriteFixture.LAYOUTS, catalog);
        assertEquals("CREATE VIEW V AS\nSELECT * FROM (SELECT L_ORDERKEY, L_LINENUMBER, L_QUANTITY, L_EXTENDEDPRICE, "
            + "L_DISCOUNT, L_TAX, L_SHIPDATE, L_COMMENT FROM LINEITEM AS L) AS L, (SELECT N_KEY FROM NATION AS NATION) "
            + "AS NATION WHERE L_EXTENDEDPRICE * L_DISCOUNT > 1", r.sql());
        assertTrue(r.usedColumns().isEmpty());
    }

    @Test
    void aStoredWrapperIsReadAsItsTable() {
        // What ViewDefinitions stores is a plain wrapper: it is read as the table, so the view's filter moves in.
        assertRewrite("select * from (select l_orderkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax, "
                + "l_shipdate, l_comment from lineitem as l) as l where l_extendedprice * l_discount > 1",
            "SELECT * FROM {LINEITEM AS L WHERE L.AP_DISC_PRICE > 1}");
        // Another column list, or another alias inside, is a derived table like any other.
        assertUnchanged("select * from (select l_orderkey from lineitem as l) as l");
    }
}
