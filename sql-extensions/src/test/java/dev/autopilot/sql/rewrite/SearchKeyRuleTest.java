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

import static dev.autopilot.sql.rewrite.RewriteFixture.assertUnchanged;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertRewrite;

/** Golden tests: comparisons of an expression with constants gain the implied comparison of its search key. */
class SearchKeyRuleTest {
    @Test
    void rangesBecomeNonStrictOnTheKey() {
        assertRewrite("select l_orderkey from lineitem where l_extendedprice * l_tax between ? and ?",
            "SELECT L_ORDERKEY FROM LINEITEM WHERE L_EXTENDEDPRICE * L_TAX BETWEEN ASYMMETRIC ? AND ? AND"
                + " LINEITEM.AP_TAX_KEY BETWEEN ASYMMETRIC CAST(? AS DOUBLE) AND CAST(? AS DOUBLE)");
        assertRewrite("select l_orderkey from lineitem l where l.l_tax * l.l_extendedprice < 10.5 and l_comment = ?",
            "SELECT L_ORDERKEY FROM LINEITEM AS L WHERE L.L_TAX * L.L_EXTENDEDPRICE < 10.5 AND L_COMMENT = ? AND"
                + " L.AP_TAX_KEY <= CAST(10.5 AS DOUBLE)");
        assertRewrite("select l_orderkey from lineitem where ? < l_extendedprice * l_tax",
            "SELECT L_ORDERKEY FROM LINEITEM WHERE ? < L_EXTENDEDPRICE * L_TAX AND LINEITEM.AP_TAX_KEY >= CAST(?"
                + " AS DOUBLE)");
        assertRewrite("select l_orderkey from lineitem where 7 >= l_extendedprice * l_tax",
            "SELECT L_ORDERKEY FROM LINEITEM WHERE 7 >= L_EXTENDEDPRICE * L_TAX AND LINEITEM.AP_TAX_KEY <="
                + " CAST(7 AS DOUBLE)");
    }

    @Test
    void equalitiesAndListsStayExactOnTheKey() {
        assertRewrite("select count(*) from lineitem where floor(l_quantity / 2) = ? and l_tax = ?",
            "SELECT COUNT(*) FROM LINEITEM WHERE FLOOR(L_QUANTITY / 2) = ? AND L_TAX = ? AND"
                + " LINEITEM.AP_QTY_BUCKET_KEY = CAST(? AS DOUBLE)");
        assertRewrite("select count(*) from lineitem where floor(l_quantity / 2) in (1, ?)",
            "SELECT COUNT(*) FROM LINEITEM WHERE FLOOR(L_QUANTITY / 2) IN (1, ?) AND LINEITEM.AP_QTY_BUCKET_KEY"
                + " IN (CAST(1 AS DOUBLE), CAST(? AS DOUBLE))");
    }

    @Test
    void theKeyIsNeverReadInPlaceOfTheExpression() {
        assertUnchanged("select l_extendedprice * l_tax from lineitem order by floor(l_quantity / 2)");
        assertUnchanged("select count(*) from lineitem group by floor(l_quantity / 2)");
    }

    @Test
    void onlyConjunctsComparedWithConstantsAreNarrowed() {
        assertUnchanged("select count(*) from lineitem where floor(l_quantity / 2) = ? or l_tax = ?");
        assertUnchanged("select count(*) from lineitem where not (floor(l_quantity / 2) < ?)");
        assertUnchanged("select count(*) from lineitem where floor(l_quantity / 2) not between ? and ?");
        assertUnchanged("select count(*) from lineitem where floor(l_quantity / 2) <> ?");
        assertUnchanged("select count(*) from lineitem where floor(l_quantity / 2) < l_tax");
        assertUnchanged("select count(*) from lineitem where l_extendedprice * l_tax < '5'");
        assertUnchanged("select count(*) from lineitem where floor(l_quantity / 2) in (select 1)");
    }

    @Test
    void keysThatAreNotReadyAreNotUsed() {
        assertUnchanged("select count(*) from lineitem where l_quantity * l_discount > ?");
    }
}
