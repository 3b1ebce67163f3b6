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

/** Golden tests: INSERT without a column list into a table with derived columns names the user's columns. */
class InsertColumnListRuleTest {
    private static final String COLUMNS = "(L_ORDERKEY, L_LINENUMBER, L_QUANTITY, L_EXTENDEDPRICE, L_DISCOUNT, L_TAX, "
        + "L_SHIPDATE, L_COMMENT)";

    @Test
    void insertValues() {
        assertRewrite("insert into lineitem values (1, 2, 3, 4, ?, 6, date '2020-01-01', ?)",
            "INSERT INTO LINEITEM " + COLUMNS + "\nVALUES ROW(1, 2, 3, 4, ?, 6, DATE '2020-01-01', ?)");
    }

    @Test
    void insertSelectReadsTheSourceThroughItsWrapper() {
        assertRewrite("insert into public.lineitem select * from lineitem where l_tax > 0",
            "INSERT INTO PUBLIC.LINEITEM " + COLUMNS + "\nSELECT * FROM {LINEITEM AS LINEITEM WHERE L_TAX > 0}");
    }

    @Test
    void mergeInsertBranch() {
        assertRewrite("merge into orders o using (select 1 as k) s on o.o_orderkey = s.k "
                + "when not matched then insert values (s.k, 1.0, date '2020-01-01', 'x')",
            "MERGE INTO ORDERS AS O\nUSING (SELECT 1 AS K) AS S\nON O.O_ORDERKEY = S.K\n"
                + "WHEN NOT MATCHED THEN INSERT (O_ORDERKEY, O_TOTALPRICE, O_ORDERDATE, O_COMMENT) "
                + "VALUES ROW(S.K, 1.0, DATE '2020-01-01', 'x')");
    }

    @Test
    void mergeWithUpdateBranch() {
        assertRewrite("merge into orders o using (select 1 as k) s on o.o_orderkey = s.k "
                + "when matched then update set o_comment = 'y' "
                + "when not matched then insert values (s.k, 1.0, date '2020-01-01', 'x')",
            "MERGE INTO ORDERS AS O\nUSING (SELECT 1 AS K) AS S\nON O.O_ORDERKEY = S.K\n"
                + "WHEN MATCHED THEN UPDATE SET O_COMMENT = 'y'\n"
                + "WHEN NOT MATCHED THEN INSERT (O_ORDERKEY, O_TOTALPRICE, O_ORDERDATE, O_COMMENT) "
                + "VALUES ROW(S.K, 1.0, DATE '2020-01-01', 'x')");
    }

    @Test
    void explicitColumnListOrUnmanagedTableIsLeftAlone() {
        assertUnchanged("insert into lineitem (l_orderkey, l_linenumber) values (1, 2)");
        assertUnchanged("insert into nation values (1, 'x')");
        assertUnchanged("insert into dup values (1, 2)");
    }

    @Test
    void otherDmlAndDdlPassThrough() {
        assertUnchanged("update lineitem set l_tax = 0 where l_extendedprice * l_discount > 10");
        assertUnchanged("delete from lineitem where l_extendedprice * l_discount > 10");
        assertUnchanged("create table t (a int primary key, b int)");
        assertUnchanged("drop table lineitem");
    }
}
