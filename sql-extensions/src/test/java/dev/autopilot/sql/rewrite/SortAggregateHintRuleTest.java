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
import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.rewrite.RewriteFixture.assertUnchanged;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertRewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden tests: a rewritten query with an IN subquery is kept off Ignite's map/reduce sort aggregate. */
class SortAggregateHintRuleTest {
    private static final String HINT = "/*+ DISABLE_RULE('MapReduceSortAggregateConverterRule') */";

    @Test
    void derivedColumnInsideAnInSubquery() {
        Rewrite r = assertRewrite("select l_orderkey from lineitem where l_orderkey in "
                + "(select l_orderkey from lineitem where not (l_tax > ? or l_extendedprice * l_discount in (?, ?)))",
            "SELECT " + HINT + "\nL_ORDERKEY FROM LINEITEM WHERE L_ORDERKEY IN (SELECT L_ORDERKEY FROM LINEITEM "
                + "WHERE NOT (L_TAX > ? OR LINEITEM.AP_DISC_PRICE IN (?, ?)))");
        assertEquals(List.of("DerivedExpression", "SortAggregateHint"), r.rules());
    }

    @Test
    void derivedColumnOutsideTheSubqueryAndOrderByAndHintsOfTheUser() {
        assertRewrite("select /*+ NO_INDEX */ l_orderkey from lineitem where l_extendedprice * l_discount > ? "
                + "and l_orderkey not in (select o_orderkey from orders) order by l_orderkey",
            "SELECT /*+ NO_INDEX, DISABLE_RULE('MapReduceSortAggregateConverterRule') */\nL_ORDERKEY FROM"
                + " LINEITEM WHERE LINEITEM.AP_DISC_PRICE > ? AND L_ORDERKEY NOT IN (SELECT O_ORDERKEY FROM"
                + " ORDERS)\nORDER BY L_ORDERKEY");
    }

    @Test
    void noSubqueryOrNoDerivedColumnGetsNoHint() {
        assertRewrite("select l_orderkey from lineitem where l_extendedprice * l_discount in (?, ?)",
            "SELECT L_ORDERKEY FROM LINEITEM WHERE LINEITEM.AP_DISC_PRICE IN (?, ?)");
        assertRewrite("select l_orderkey from lineitem where exists (select 1 from orders "
                + "where o_orderkey = l_orderkey and l_extendedprice * l_discount > ?)",
            "SELECT L_ORDERKEY FROM LINEITEM WHERE EXISTS (SELECT 1 FROM ORDERS WHERE O_ORDERKEY = L_ORDERKEY"
                + " AND LINEITEM.AP_DISC_PRICE > ?)");
        assertUnchanged("select l_orderkey from lineitem where l_orderkey in (select o_orderkey from orders "
            + "where o_totalprice > ?)");
    }
}
