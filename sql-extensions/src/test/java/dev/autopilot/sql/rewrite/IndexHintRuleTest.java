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

import static dev.autopilot.sql.rewrite.RewriteFixture.assertOnlyWrapped;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertRewrite;

/** Golden tests: with index hints on, a filter that is exactly an index prefix forces that index. */
class IndexHintRuleTest {
    private static final QueryRewriter HINTS = QueryRewriter.create(RewriteConfig.DEFAULT.withIndexHints(true));

    @Test
    void equalityThenRangeOnThePrefix() {
        assertRewrite(HINTS, "select o_orderkey from orders where o_orderdate = ? and o_totalprice > 100",
            "SELECT O_ORDERKEY FROM (SELECT /*+ FORCE_INDEX(AP_IDX_DATE_PRICE) */\nO_ORDERKEY, O_TOTALPRICE,"
                + " O_ORDERDATE, O_COMMENT FROM ORDERS AS ORDERS WHERE O_ORDERDATE = ? AND O_TOTALPRICE > 100) AS"
                + " ORDERS");
        assertRewrite(HINTS, "select o_orderkey from orders o where o.o_orderdate between ? and ?",
            "SELECT O_ORDERKEY FROM (SELECT /*+ FORCE_INDEX(AP_IDX_DATE_PRICE) */\nO_ORDERKEY, O_TOTALPRICE,"
                + " O_ORDERDATE, O_COMMENT FROM ORDERS AS O WHERE O.O_ORDERDATE BETWEEN ASYMMETRIC ? AND ?) AS O");
    }

    @Test
    void predicateOnADerivedColumnAfterItsRewrite() {
        assertRewrite(HINTS, "select o_orderkey from orders where 2 * o_totalprice >= ?",
            "SELECT O_ORDERKEY FROM (SELECT /*+ FORCE_INDEX(AP_IDX_TWICE) */\nO_ORDERKEY, O_TOTALPRICE, O_ORDERDATE, "
                + "O_COMMENT FROM ORDERS AS ORDERS WHERE ORDERS.AP_TWICE >= ?) AS ORDERS");
    }

    @Test
    void notAnExactPrefixGetsNoHint() {
        assertOnlyWrapped(HINTS, "select o_orderkey from orders where o_totalprice > 100",
            "SELECT O_ORDERKEY FROM {ORDERS AS ORDERS WHERE O_TOTALPRICE > 100}");
        assertOnlyWrapped(HINTS, "select o_orderkey from orders where o_orderdate > ? and o_totalprice > 100",
            "SELECT O_ORDERKEY FROM {ORDERS AS ORDERS WHERE O_ORDERDATE > ? AND O_TOTALPRICE > 100}");
        assertOnlyWrapped(HINTS, "select o_orderkey from orders where o_orderdate = ? and o_comment = 'x'",
            "SELECT O_ORDERKEY FROM {ORDERS AS ORDERS WHERE O_ORDERDATE = ? AND O_COMMENT = 'x'}");
        assertOnlyWrapped(HINTS, "select o_orderkey from orders where o_orderdate = ? or o_totalprice > 1",
            "SELECT O_ORDERKEY FROM {ORDERS AS ORDERS WHERE O_ORDERDATE = ? OR O_TOTALPRICE > 1}");
        assertOnlyWrapped(HINTS, "select /*+ NO_INDEX */ o_orderkey from orders where o_orderdate = ?",
            "SELECT /*+ NO_INDEX */\nO_ORDERKEY FROM {ORDERS AS ORDERS WHERE O_ORDERDATE = ?}");
        assertOnlyWrapped(HINTS, "select o_orderkey from orders, lineitem where o_orderdate = ?",
            "SELECT O_ORDERKEY FROM {ORDERS AS ORDERS WHERE O_ORDERDATE = ?}, {LINEITEM AS LINEITEM}");
    }

    @Test
    void offByDefault() {
        assertOnlyWrapped("select o_orderkey from orders where o_orderdate = ? and o_totalprice > 100",
            "SELECT O_ORDERKEY FROM {ORDERS AS ORDERS WHERE O_ORDERDATE = ? AND O_TOTALPRICE > 100}");
    }
}
