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
import java.util.Objects;
import dev.autopilot.sql.layout.LayoutSnapshot;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;

/**
 * Rewrites a parsed statement, before Ignite validates it, so that it uses what Autopilot added to its tables
 * (READY derived columns instead of the expressions they hold) and does not see what the user did not declare
 * (derived columns behind {@code *} and in INSERTs without a column list). Queries are rewritten, including the
 * query of {@code EXPLAIN PLAN FOR} and the source of {@code INSERT ... SELECT}; other DML gets only its column list,
 * DDL nothing. A rewrite never throws and never changes the statement it is given: whatever it does not understand,
 * or any failure inside, gives back that statement unchanged. Thread-safe and stateless.
 *
 * <p>Names are resolved by hand, before validation: an unqualified table name is a managed table only when one schema
 * has a managed table of that name; a column is resolved only when one relation of its block (or, for a correlated
 * reference, of an enclosing block) is known to have it. Where that is not certain, the expression is left as written.
 */
public final class QueryRewriter {
    /** Put this comment anywhere in a statement's text to have it planned exactly as written, never rewritten. */
    public static final String NO_REWRITE = "/* autopilot:no-rewrite */";

    private final List<BlockRule> blockRules = RewriteRules.blockRules();
    private final List<BlockRule> wrapperRules;

    private QueryRewriter(RewriteConfig config) {
        this.wrapperRules = RewriteRules.wrapperRules(config);
    }

    /** @return a rewriter with the default rules ({@link RewriteConfig#DEFAULT}) */
    public static QueryRewriter create() {
        return create(RewriteConfig.DEFAULT);
    }

    /**
     * @param config which optional rules to run
     * @return a rewriter
     * @throws NullPointerException if {@code config} is null
     */
    public static QueryRewriter create(RewriteConfig config) {
        return new QueryRewriter(Objects.requireNonNull(config, "config"));
    }

    /**
     * @param statement a statement as Ignite's parser gives it
     * @param layouts the layouts to rewrite for
     * @return the rewritten statement, or {@code statement} itself when no rule applies
     */
    public Rewrite rewrite(SqlNode statement, LayoutSnapshot layouts) {
        if (statement == null || layouts == null || layouts.isEmpty() || !rewritable(statement))
            return Rewrite.unchanged(statement);
        try {
            if (!LayoutMentions.any(statement, layouts))
                return Rewrite.unchanged(statement);
            SqlNode copy = TreeCopy.of(statement);
            RewriteContext cx = new RewriteContext(layouts, wrapperRules);
            rewriteStatement(copy, cx);
            return cx.changed() ? Rewrite.changed(copy, cx.firedRules(), cx.usedColumns()) : Rewrite.unchanged(statement);
        }
        catch (RuntimeException | StackOverflowError | AssertionError e) {
            return Rewrite.unchanged(statement);
        }
    }

    private static boolean rewritable(SqlNode statement) {
        return statement.isA(SqlKind.QUERY) || statement.isA(SqlKind.DML)
            || statement instanceof SqlExplain e && rewritable(e.getExplicandum());
    }

    private void rewriteStatement(SqlNode statement, RewriteContext cx) {
        if (statement instanceof SqlExplain explain)
            rewriteStatement(explain.getExplicandum(), cx);
        else if (statement.isA(SqlKind.QUERY)) {
            new QueryWalker(blockRules, cx).statement(statement);
            if (RewriteRules.SORT_AGGREGATE_HINT.matches(statement, cx)) {
                RewriteRules.SORT_AGGREGATE_HINT.apply(statement, cx);
                cx.fired(RewriteRules.SORT_AGGREGATE_HINT.name());
            }
        }
        else if (statement instanceof SqlInsert || statement instanceof SqlMerge) {
            if (RewriteRules.INSERT_COLUMN_LIST.matches(statement, cx)) {
                RewriteRules.INSERT_COLUMN_LIST.apply(statement, cx);
                cx.fired(RewriteRules.INSERT_COLUMN_LIST.name());
            }
            if (statement instanceof SqlInsert insert && insert.getSource().isA(SqlKind.QUERY))
                new QueryWalker(blockRules, cx).query(insert.getSource(), null);
            else
                subqueries(statement, cx);
        }
        else
            subqueries(statement, cx);
    }

    /** Rewrites the queries inside an UPDATE, DELETE or MERGE; its target and source tables are read as written. */
    private void subqueries(SqlNode dml, RewriteContext cx) {
        for (SqlNode q : Subqueries.outermost(dml))
            new QueryWalker(blockRules, cx).query(q, null);
    }
}
