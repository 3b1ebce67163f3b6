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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.sql.StatementParser;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables and layouts for the golden tests. Expected texts write a table wrapper as {@code {LINEITEM AS L}}, {@code
 * {LINEITEM AS L +AP_DISC_PRICE}} (a derived column it gives) or {@code {LINEITEM AS L WHERE ...}} (conjuncts moved
 * in): see {@link WrapperText}; {@code TableWrapRuleTest} states the full text.: a TPC-H-like LINEITEM (short) with two READY derived columns and a
 * BUILDING one, two READY search keys and a BUILDING one, ORDERS with one READY column and two Autopilot indexes, SUPPLIER whose layout is not rewritable, and two tables called DUP in
 * different schemas.
 */
final class RewriteFixture {
    static final StatementParser PARSER = CalciteHook.plainParser();

    static final QueryRewriter REWRITER = QueryRewriter.create();

    static final TableSchema LINEITEM = table("PUBLIC.LINEITEM", "L_ORDERKEY BIGINT", "L_LINENUMBER INT",
        "L_QUANTITY DECIMAL(15,2)", "L_EXTENDEDPRICE DECIMAL(15,2)", "L_DISCOUNT DECIMAL(15,2)", "L_TAX DECIMAL(15,2)",
        "L_SHIPDATE DATE", "L_COMMENT VARCHAR(44)");

    static final TableSchema ORDERS = table("PUBLIC.ORDERS", "O_ORDERKEY BIGINT", "O_TOTALPRICE DECIMAL(15,2)",
        "O_ORDERDATE DATE", "O_COMMENT VARCHAR(79)");

    static final TableSchema SUPPLIER = table("PUBLIC.SUPPLIER", "S_SUPPKEY BIGINT", "S_ACCTBAL DECIMAL(15,2)");

    static final TableSchema DUP1 = table("S1.DUP", "A INT", "B INT");

    static final TableSchema DUP2 = table("S2.DUP", "A INT", "B INT");

    static final LayoutSnapshot LAYOUTS = new LayoutSnapshot(7, List.of(
        layout(LINEITEM, true,
            derived(LINEITEM, "AP_DISC_PRICE", "L_EXTENDEDPRICE * L_DISCOUNT", ColumnState.READY),
            derived(LINEITEM, "AP_NET_PRICE", "L_EXTENDEDPRICE * (1 - L_DISCOUNT)", ColumnState.READY),
            derived(LINEITEM, "AP_QTY_TAX", "L_QUANTITY * L_TAX", ColumnState.BUILDING),
            key(LINEITEM, "AP_TAX_KEY", "L_EXTENDEDPRICE * L_TAX", ColumnState.READY),
            key(LINEITEM, "AP_QTY_BUCKET_KEY", "FLOOR(L_QUANTITY / 2)", ColumnState.READY),
            key(LINEITEM, "AP_DISC_KEY", "L_QUANTITY * L_DISCOUNT", ColumnState.BUILDING)),
        layout(ORDERS, true, List.of(new LayoutIndex("AP_IDX_DATE_PRICE", List.of("O_ORDERDATE", "O_TOTALPRICE")),
            new LayoutIndex("AP_IDX_TWICE", List.of("AP_TWICE"))),
            derived(ORDERS, "AP_TWICE", "O_TOTALPRICE * 2", ColumnState.READY)),
        layout(SUPPLIER, false, derived(SUPPLIER, "AP_HALF", "S_ACCTBAL / 2", ColumnState.READY)),
        layout(DUP1, true, derived(DUP1, "AP_AB", "A + B", ColumnState.READY)),
        layout(DUP2, true, derived(DUP2, "AP_AB", "A + B", ColumnState.READY))));

    private RewriteFixture() {
    }

    /** The fixture's layouts and the tables whose wrappers expected texts write short. */
    static final Tables TABLES = new Tables(LAYOUTS, List.of(LINEITEM, ORDERS, SUPPLIER, DUP1));

    /**
     * Layouts for golden tests, with the tables whose wrappers the expected texts write short ({@link WrapperText}).
     *
     * @param layouts what the rewriter rewrites for
     * @param tables the managed tables, by their user columns
     */
    record Tables(LayoutSnapshot layouts, List<TableSchema> tables) {
        /** Asserts the rewritten text, that it parses back to the rewritten tree, and that the input is intact. */
        Rewrite assertRewrite(QueryRewriter rewriter, String sql, String expected) {
            SqlNode statement = parse(sql);
            String before = RewritePrinter.print(statement);
            Rewrite r = rewriter.rewrite(statement, layouts);
            assertTrue(r.changed(), () -> "not rewritten: " + sql);
            assertEquals(expected, expected.contains("{") ? WrapperText.compact(r.sql(), tables) : r.sql());
            assertRoundTrip(r);
            assertEquals(before, RewritePrinter.print(statement), "the input tree changed");
            return r;
        }

        /** Asserts that the rewriter only wrapped the statement's tables, reading no derived column. */
        void assertOnlyWrapped(QueryRewriter rewriter, String sql, String expected) {
            Rewrite r = assertRewrite(rewriter, sql, expected);
            assertTrue(r.usedColumns().isEmpty(), () -> "read: " + r.usedColumns());
        }

        /** Asserts that the rewriter hands back the very statement it was given. */
        void assertUnchanged(QueryRewriter rewriter, String sql) {
            SqlNode statement = parse(sql);
            Rewrite r = rewriter.rewrite(statement, layouts);
            assertFalse(r.changed(), () -> "rewritten: " + r.sql());
            assertSame(statement, r.statement());
            assertTrue(r.rules().isEmpty());
        }
    }

    static Rewrite assertRewrite(String sql, String expected) {
        return TABLES.assertRewrite(REWRITER, sql, expected);
    }

    static Rewrite assertRewrite(QueryRewriter rewriter, String sql, String expected) {
        return TABLES.assertRewrite(rewriter, sql, expected);
    }

    static void assertOnlyWrapped(String sql, String expected) {
        TABLES.assertOnlyWrapped(REWRITER, sql, expected);
    }

    static void assertOnlyWrapped(QueryRewriter rewriter, String sql, String expected) {
        TABLES.assertOnlyWrapped(rewriter, sql, expected);
    }

    static void assertUnchanged(String sql) {
        TABLES.assertUnchanged(REWRITER, sql);
    }

    static void assertUnchanged(QueryRewriter rewriter, String sql) {
        TABLES.assertUnchanged(rewriter, sql);
    }

    /**
     * Asserts that the text parses back to the tree, parameters aside: a search key's comparison reads a parameter of
     * the user's again, which the tree keeps by its index and the text can only repeat as a new {@code ?}.
     */
    static void assertRoundTrip(Rewrite r) {
        SqlNode reparsed = parse(r.sql());
        assertTrue(reparsed.accept(SAME_PARAMETERS).equalsDeep(r.statement().accept(SAME_PARAMETERS), Litmus.IGNORE),
            () -> "does not parse back: " + r.sql() + "\nreparsed: " + RewritePrinter.print(reparsed));
    }

    private static final SqlShuttle SAME_PARAMETERS = new SqlShuttle() {
        @Override public SqlNode visit(SqlDynamicParam param) {
            return new SqlDynamicParam(0, param.getParserPosition());
        }
    };

    static SqlNode parse(String sql) {
        return PARSER.parse(sql).get(0);
    }

    static TableSchema table(String name, String... columns) {
        Map<String, ColumnType> c = new LinkedHashMap<>();
        for (String col : columns) {
            int sp = col.indexOf(' ');
            c.put(col.substring(0, sp), ColumnType.parse(col.substring(sp + 1)));
        }
        return new TableSchema(name, name.substring(name.indexOf('.') + 1), c, List.of(), List.of());
    }

    static DerivedColumn derived(TableSchema t, String name, String expression, ColumnState state) {
        return new DerivedColumn(name, DerivedExpression.parse(expression, t, "test"), state);
    }

    static DerivedColumn key(TableSchema t, String name, String expression, ColumnState state) {
        return new DerivedColumn(name, DerivedExpression.parse(expression, t, "test"), state, true);
    }

    private static PartitionLayout layout(TableSchema t, boolean rewritable, DerivedColumn... derived) {
        return layout(t, rewritable, List.of(), derived);
    }

    private static PartitionLayout layout(TableSchema t, boolean rewritable, List<LayoutIndex> indexes,
        DerivedColumn... derived) {
        return new PartitionLayout(t, 1, List.of(derived), indexes, rewritable);
    }
}
