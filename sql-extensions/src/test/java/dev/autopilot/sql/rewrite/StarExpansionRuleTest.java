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

import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.rewrite.RewriteFixture.assertRewrite;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertUnchanged;

/** Golden tests: {@code *} over tables with derived columns shows the user's own columns only. */
class StarExpansionRuleTest {
    private static final String L_COLUMNS = "L_ORDERKEY, L_LINENUMBER, L_QUANTITY, L_EXTENDEDPRICE, L_DISCOUNT, L_TAX, "
        + "L_SHIPDATE, L_COMMENT";

    private static String qualified(String alias) {
        return alias + '.' + L_COLUMNS.replace(", ", ", " + alias + '.');
    }

    @Test
    void starWithoutAlias() {
        assertRewrite("select * from lineitem", "SELECT " + qualified("LINEITEM") + " FROM LINEITEM");
    }

    @Test
    void starWithAliasAndSchema() {
        assertRewrite("select * from public.lineitem l where l_tax > 0",
            "SELECT " + qualified("L") + " FROM PUBLIC.LINEITEM AS L WHERE L_TAX > 0");
    }

    @Test
    void qualifiedStarKeepsOtherItemsAndCalcitesNames() {
        // Calcite's star expansion renames L_TAX after an explicit L_TAX item: the expansion keeps that name.
        assertRewrite("select l_tax, l.* from lineitem l", "SELECT L_TAX, L.L_ORDERKEY, L.L_LINENUMBER, L.L_QUANTITY, "
            + "L.L_EXTENDEDPRICE, L.L_DISCOUNT, L.L_TAX AS L_TAX0, L.L_SHIPDATE, L.L_COMMENT FROM LINEITEM AS L");
    }

    @Test
    void starOverJoinExpandsEachSideInOrder() {
        assertRewrite("select * from orders o join lineitem l on l.l_orderkey = o.o_orderkey",
            "SELECT O.O_ORDERKEY, O.O_TOTALPRICE, O.O_ORDERDATE, O.O_COMMENT, " + qualified("L")
                + " FROM ORDERS AS O INNER JOIN LINEITEM AS L ON L.L_ORDERKEY = O.O_ORDERKEY");
    }

    @Test
    void starOverUnmanagedTableKeepsItsStar() {
        assertRewrite("select * from lineitem l, nation n",
            "SELECT " + qualified("L") + ", N.* FROM LINEITEM AS L, NATION AS N");
        assertUnchanged("select * from nation");
        assertUnchanged("select n.*, l.l_tax from nation n, lineitem l");
    }

    @Test
    void repeatedNamesGetCalcitesSuffix() {
        assertRewrite("select * from lineitem a, lineitem b", "SELECT " + qualified("A") + ", B.L_ORDERKEY AS L_ORDERKEY0, "
            + "B.L_LINENUMBER AS L_LINENUMBER0, B.L_QUANTITY AS L_QUANTITY0, B.L_EXTENDEDPRICE AS L_EXTENDEDPRICE0, "
            + "B.L_DISCOUNT AS L_DISCOUNT0, B.L_TAX AS L_TAX0, B.L_SHIPDATE AS L_SHIPDATE0, "
            + "B.L_COMMENT AS L_COMMENT0 FROM LINEITEM AS A, LINEITEM AS B");
    }

    @Test
    void starsInSubqueriesUnionAndWith() {
        assertRewrite("select * from (select * from lineitem) x",
            "SELECT * FROM (SELECT " + qualified("LINEITEM") + " FROM LINEITEM) AS X");
        assertRewrite("select o_orderkey from orders where exists (select * from lineitem where l_orderkey = o_orderkey)",
            "SELECT O_ORDERKEY FROM ORDERS WHERE EXISTS (SELECT " + qualified("LINEITEM")
                + " FROM LINEITEM WHERE L_ORDERKEY = O_ORDERKEY)");
        assertRewrite("select * from supplier union all select * from supplier",
            "SELECT SUPPLIER.S_SUPPKEY, SUPPLIER.S_ACCTBAL FROM SUPPLIER UNION ALL "
                + "SELECT SUPPLIER.S_SUPPKEY, SUPPLIER.S_ACCTBAL FROM SUPPLIER");
        assertRewrite("with s as (select * from supplier) select * from s",
            "WITH S AS (SELECT SUPPLIER.S_SUPPKEY, SUPPLIER.S_ACCTBAL FROM SUPPLIER) SELECT * FROM S");
    }

    @Test
    void commonTableNamedLikeAManagedTableIsNotTheTable() {
        assertUnchanged("with lineitem as (select 1 as x) select * from lineitem");
    }

    @Test
    void countStarIsNotASelectStar() {
        assertUnchanged("select count(*) from lineitem");
    }

    @Test
    void naturalAndUsingJoinsReadTheUsersColumnsOnly() {
        assertRewrite("select * from lineitem natural join orders o",
            "SELECT * FROM (SELECT " + L_COLUMNS + " FROM LINEITEM) AS LINEITEM NATURAL INNER JOIN "
                + "(SELECT O_ORDERKEY, O_TOTALPRICE, O_ORDERDATE, O_COMMENT FROM ORDERS) AS O");
        assertRewrite("select * from lineitem l join nation n using (l_orderkey) where l_extendedprice * l_discount > 1",
            "SELECT * FROM (SELECT " + L_COLUMNS + " FROM LINEITEM) AS L INNER JOIN NATION AS N USING (L_ORDERKEY) "
                + "WHERE L_EXTENDEDPRICE * L_DISCOUNT > 1");
        assertUnchanged("select l_extendedprice * l_discount from lineitem l full join orders o using (l_discount)");
        assertRewrite("select l.*, l.l_extendedprice * l.l_discount as d from lineitem l join nation n using (l_orderkey)",
            "SELECT " + qualified("L") + ", L.AP_DISC_PRICE AS D FROM LINEITEM AS L INNER JOIN NATION AS N "
                + "USING (L_ORDERKEY)");
    }

    @Test
    void ambiguousTableNameIsLeftAlone() {
        assertUnchanged("select * from dup");
        assertRewrite("select * from s1.dup", "SELECT DUP.A, DUP.B FROM S1.DUP");
    }

    @Test
    void quotedNamesAreCaseSensitive() {
        assertUnchanged("select * from \"lineitem\"");
        assertRewrite("select * from \"LINEITEM\"", "SELECT " + qualified("LINEITEM") + " FROM LINEITEM");
    }
}
