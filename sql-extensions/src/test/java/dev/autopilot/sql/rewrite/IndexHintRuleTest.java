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

/** Golden tests: with index hints on, a filter that is exactly an index prefix forces that index. */
class IndexHintRuleTest {
    private static final QueryRewriter HINTS = QueryRewriter.create(RewriteConfig.DEFAULT.withIndexHints(true));

    @Test
    void equalityThenRangeOnThePrefix() {
        assertRewrite(HINTS, "select o_orderkey from orders where o_orderdate = ? and o_totalprice > 100",
            "SELECT /*+ FORCE_INDEX(AP_IDX_DATE_PRICE) */\nO_ORDERKEY FROM ORDERS WHERE O_ORDERDATE = ? AND O_TOTALPRICE > 100");
        assertRewrite(HINTS, "select o_orderkey from orders o where o.o_orderdate between ? and ?",
            "SELECT /*+ FORCE_INDEX(AP_IDX_DATE_PRICE) */\nO_ORDERKEY FROM ORDERS AS O WHERE O.O_ORDERDATE"
                + " BETWEEN ASYMMETRIC ? AND ?");
    }

    @Test
    void predicateOnADerivedColumnAfterItsRewrite() {
        assertRewrite(HINTS, "select o_orderkey from orders where 2 * o_totalprice >= ?",
            "SELECT /*+ FORCE_INDEX(AP_IDX_TWICE) */\nO_ORDERKEY FROM ORDERS WHERE ORDERS.AP_TWICE >= ?");
    }

    @Test
    void notAnExactPrefixGetsNoHint() {
        assertUnchanged(HINTS, "select o_orderkey from orders where o_totalprice > 100");
        assertUnchanged(HINTS, "select o_orderkey from orders where o_orderdate > ? and o_totalprice > 100");
        assertUnchanged(HINTS, "select o_orderkey from orders where o_orderdate = ? and o_comment = 'x'");
        assertUnchanged(HINTS, "select o_orderkey from orders where o_orderdate = ? or o_totalprice > 1");
        assertUnchanged(HINTS, "select /*+ NO_INDEX */ o_orderkey from orders where o_orderdate = ?");
        assertUnchanged(HINTS, "select o_orderkey from orders, lineitem where o_orderdate = ?");
    }

    @Test
    void offByDefault() {
        assertUnchanged("select o_orderkey from orders where o_orderdate = ? and o_totalprice > 100");
        // In a star block the hint goes inside the table's wrapper, with the filter it serves.
        assertRewrite(HINTS, "select * from orders where o_orderdate = ? and o_totalprice > 100",
            "SELECT * FROM (SELECT /*+ FORCE_INDEX(AP_IDX_DATE_PRICE) */\nO_ORDERKEY, O_TOTALPRICE, O_ORDERDATE, "
                + "O_COMMENT FROM ORDERS AS ORDERS WHERE O_ORDERDATE = ? AND O_TOTALPRICE > 100) AS ORDERS");
    }
}
