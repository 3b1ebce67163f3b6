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
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;
import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.rewrite.RewriteFixture.derived;
import static dev.autopilot.sql.rewrite.RewriteFixture.key;
import static dev.autopilot.sql.rewrite.RewriteFixture.parse;
import static dev.autopilot.sql.rewrite.RewriteFixture.table;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tests: a CAST inside an expression is read from a derived column only when it provably changes no value, so a
 * cast to another precision, scale, length, CHAR or TIMESTAMP precision leaves the statement as written (issue 23:
 * {@code FLOOR(CAST(L_QUANTITY / 10 AS DECIMAL(15,0))) = 2} was read from {@code FLOOR(L_QUANTITY / 10)}). LINEITEM
 * has its real SQL types; OLD_LINEITEM has the sizes a schema captured from Java classes lacks.
 */
class CastMatchingTest {
    private static final TableSchema LINEITEM = table("PUBLIC.LINEITEM", "L_ORDERKEY BIGINT",
        "L_QUANTITY DECIMAL(15,2)", "L_COMMENT VARCHAR(44)", "L_SHIPTIME TIMESTAMP");

    private static final TableSchema OLD_LINEITEM = table("PUBLIC.OLD_LINEITEM", "L_ORDERKEY BIGINT",
        "L_QUANTITY DECIMAL");

    private static final RewriteFixture.Tables TABLES = new RewriteFixture.Tables(new LayoutSnapshot(1, List.of(
        new PartitionLayout(LINEITEM, 1, List.of(
            derived(LINEITEM, "AP_QTY_BUCKET", "FLOOR(L_QUANTITY / 10)", ColumnState.READY),
            derived(LINEITEM, "AP_UPPER_COMMENT", "UPPER(L_COMMENT)", ColumnState.READY),
            derived(LINEITEM, "AP_SHIP_HOUR", "EXTRACT(HOUR FROM L_SHIPTIME)", ColumnState.READY)), List.of(), true),
        new PartitionLayout(OLD_LINEITEM, 1, List.of(
            derived(OLD_LINEITEM, "AP_QTY_BUCKET", "FLOOR(L_QUANTITY / 10)", ColumnState.READY),
            key(OLD_LINEITEM, "AP_QTY_HALF_KEY", "FLOOR(L_QUANTITY / 2)", ColumnState.READY)), List.of(), true))),
        List.of(LINEITEM, OLD_LINEITEM));

    private static final QueryRewriter REWRITER = QueryRewriter.create();

    @Test
    void castToAnotherDecimalOfTheHeldExpressionIsLeftAsWritten() {
        assertLeftAsWritten("select count(*) from old_lineitem where floor(cast(l_quantity / 10 as decimal(15, 0))) = 2");
        assertLeftAsWritten("select count(*) from lineitem where floor(cast(l_quantity / 10 as decimal(15, 0))) = 2");
        assertLeftAsWritten("select count(*) from lineitem where floor(cast(l_quantity / 10 as decimal(15, 1))) = 2");
        // The type inferred for a quotient is an approximation: a cast to it is not proven to change nothing.
        assertLeftAsWritten("select count(*) from lineitem where floor(cast(l_quantity / 10 as decimal(26, 13))) = 2");
    }

    @Test
    void castOfAColumnToAnotherPrecisionOrScaleIsLeftAsWritten() {
        assertLeftAsWritten("select count(*) from lineitem where floor(cast(l_quantity as decimal(15, 1)) / 10) = 2");
        assertLeftAsWritten("select count(*) from lineitem where floor(cast(l_quantity as decimal(16, 2)) / 10) = 2");
        assertLeftAsWritten("select count(*) from lineitem where floor(cast(l_quantity as decimal) / 10) = 2");
        // Without the column's real size nothing is proven, not even the size it happens to have.
        assertLeftAsWritten("select count(*) from old_lineitem where floor(cast(l_quantity as decimal(15, 2)) / 10) = 2");
        assertLeftAsWritten("select count(*) from old_lineitem where floor(cast(l_quantity as decimal) / 10) = 2");
    }

    @Test
    void castToTheTypeAColumnHasChangesNothingAndStillMatches() {
        TABLES.assertRewrite(REWRITER,
            "select count(*) from lineitem where floor(cast(l_quantity as decimal(15, 2)) / 10) = 2",
            "SELECT COUNT(*) FROM LINEITEM WHERE LINEITEM.AP_QTY_BUCKET = 2");
        TABLES.assertRewrite(REWRITER, "select count(*) from lineitem where upper(cast(l_comment as varchar(44))) = 'X'",
            "SELECT COUNT(*) FROM LINEITEM WHERE LINEITEM.AP_UPPER_COMMENT = 'X'");
    }

    @Test
    void castToAnotherLengthOrToCharIsLeftAsWritten() {
        assertLeftAsWritten("select count(*) from lineitem where upper(cast(l_comment as varchar(10))) = 'X'");
        // CHAR pads with blanks: not the VARCHAR of the same length.
        assertLeftAsWritten("select count(*) from lineitem where upper(cast(l_comment as char(44))) = 'X'");
        assertLeftAsWritten("select count(*) from lineitem where upper(cast(l_comment as character(44))) = 'X'");
    }

    @Test
    void castToATimestampPrecisionIsLeftAsWritten() {
        assertLeftAsWritten("select extract(hour from cast(l_shiptime as timestamp(0))) from lineitem");
        assertLeftAsWritten("select extract(hour from cast(l_shiptime as timestamp)) from lineitem");
        TABLES.assertRewrite(REWRITER, "select extract(hour from l_shiptime) as h from lineitem",
            "SELECT LINEITEM.AP_SHIP_HOUR AS H FROM LINEITEM");
    }

    @Test
    void searchKeysDoNotNarrowByACastTheyDoNotHold() {
        assertLeftAsWritten("select count(*) from old_lineitem where floor(cast(l_quantity / 2 as decimal(15, 0))) = 3");
    }

    /** The statement is only wrapped: the expression with its cast is computed as written. */
    private static void assertLeftAsWritten(String sql) {
        Rewrite r = REWRITER.rewrite(parse(sql), TABLES.layouts());
        assertTrue(r.usedColumns().isEmpty(), () -> "read " + r.usedColumns() + ": " + r.sql());
    }
}
