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
