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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import dev.autopilot.sql.layout.LayoutSnapshot;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.rewrite.RewriteFixture.assertOnlyWrapped;
import static dev.autopilot.sql.rewrite.RewriteFixture.LAYOUTS;
import static dev.autopilot.sql.rewrite.RewriteFixture.REWRITER;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertRewrite;
import static dev.autopilot.sql.rewrite.RewriteFixture.assertUnchanged;
import static dev.autopilot.sql.rewrite.RewriteFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The rewriter as a whole: early exits, failures, rules together, cost. */
class QueryRewriterTest {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void emptySnapshotOrUnmanagedTablesGiveTheStatementBack() {
        SqlNode s = parse("select l_extendedprice * l_discount from lineitem");
        Rewrite r = REWRITER.rewrite(s, LayoutSnapshot.EMPTY);
        assertSame(s, r.statement());
        assertFalse(r.changed());
        assertUnchanged("select * from nation where n_a * n_b > 1");
        assertUnchanged("select 1");
        assertUnchanged("values (1, 2)");
    }

    @Test
    void failureInsideGivesTheStatementBack() {
        // FROM LINEITEM AS 'L': no parser makes a literal alias, the scope builder trips over it.
        SqlNode from = SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO,
            new SqlIdentifier("LINEITEM", SqlParserPos.ZERO), SqlLiteral.createCharString("L", SqlParserPos.ZERO));
        SqlSelect broken = new SqlSelect(SqlParserPos.ZERO, null, SqlNodeList.SINGLETON_STAR, from, null, null, null,
            null, null, null, null, null);
        Rewrite r = REWRITER.rewrite(broken, LAYOUTS);
        assertSame(broken, r.statement());
        assertFalse(r.changed());
        assertNull(REWRITER.rewrite(null, LAYOUTS).statement());
    }

    @Test
    void unsupportedConstructsPassThrough() {
        assertUnchanged("select * from table(system_range(1, 10))");
        assertOnlyWrapped("select l_extendedprice * l_discount from lineitem l (a, b, c, d, e, f, g, h)",
            "SELECT L_EXTENDEDPRICE * L_DISCOUNT FROM (SELECT L_ORDERKEY, L_LINENUMBER, L_QUANTITY,"
            + " L_EXTENDEDPRICE, L_DISCOUNT, L_TAX, L_SHIPDATE, L_COMMENT FROM LINEITEM) AS L (A, B, C, D, E, F,"
            + " G, H)");
    }

    @Test
    void allRulesTogether() {
        Rewrite r = assertRewrite("select * from lineitem l where l_extendedprice * l_discount > 1",
            "SELECT * FROM {LINEITEM AS L WHERE L.AP_DISC_PRICE > 1}");
        assertEquals(List.of("FilterPushdown", "DerivedExpression", "TableWrap"), r.rules());
    }

    @Test
    void quotedIdentifiersSurviveThePrinter() {
        assertRewrite("select \"l_x\", \"SELECT\", l_extendedprice * l_discount as \"rev\" from lineitem",
            "SELECT \"l_x\", \"SELECT\", LINEITEM.AP_DISC_PRICE AS \"rev\" FROM LINEITEM");
    }

    /**
     * Prints the cost: CPU time of this thread (so that other processes on a shared machine do not count), best of
     * five rounds. The figure is for reading, not for asserting.
     */
    @Test
    void cost() {
        SqlNode typical = parse("select l_orderkey, sum(l_extendedprice * (1 - l_discount)) from lineitem l, orders o "
            + "where l.l_orderkey = o.o_orderkey and l_shipdate > date '1995-03-15' and l_extendedprice * l_discount > ? "
            + "group by l_orderkey order by 2 desc");
        SqlNode unmanaged = parse("select n_name, sum(n_a * n_b) from nation where n_x > ? group by n_name");
        System.out.printf("rewrite CPU time: typical %.2f us, unmanaged tables %.2f us%n", micros(typical),
            micros(unmanaged));
    }

    private static double micros(SqlNode statement) {
        int n = 10_000;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++)
                REWRITER.rewrite(statement, LAYOUTS);
            best = Math.min(best, (CPU.getCurrentThreadCpuTime() - start) / 1000.0 / n);
        }
        return best;
    }
}
