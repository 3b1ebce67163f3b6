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

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Moves each conjunct of a block's WHERE that reads only one table with derived columns into that table's wrapper
 * ({@link TableWrapRule}), where the wrapper rules may read derived columns and search keys that never leave it:
 * {@code SELECT * FROM lineitem WHERE l_extendedprice * l_discount > 10} filters inside the wrapper by the derived
 * column, and the star still sees the user's columns only; the wrapper's block holds the table's whole filter, as an
 * index hint needs. Only for tables whose rows are not null-extended in the block (a filter on the null side of an
 * outer join removes the null-extended row, which a filter under the join would not); only conjuncts without
 * subqueries, aggregates or windows, whose every column belongs to that table for certain.
 */
final class FilterPushdownRule implements BlockRule {
    @Override public String name() {
        return "FilterPushdown";
    }

    @Override public boolean matches(QueryBlock block, RewriteContext cx) {
        return block.select().getWhere() != null && block.scope().relations().stream().anyMatch(FilterPushdownRule::target);
    }

    @Override public boolean apply(QueryBlock block, RewriteContext cx) {
        List<SqlNode> kept = new ArrayList<>();
        boolean moved = false;
        for (SqlNode c : Conjuncts.of(block.select().getWhere())) {
            Relation r = onlyRelation(c, block.scope());
            if (r != null) {
                r.push(c);
                moved = true;
            }
            else
                kept.add(c);
        }
        if (moved)
            block.select().setWhere(and(kept));
        return moved;
    }

    private static boolean target(Relation r) {
        return r.preserved() && r.hasDerivedColumns();
    }

    /** @return the one target relation of the block that every column of {@code conjunct} belongs to, or null */
    private static Relation onlyRelation(SqlNode conjunct, Scope scope) {
        Columns columns = new Columns(scope);
        try {
            conjunct.accept(columns);
        }
        catch (NotPushable notPushable) {
            return null;
        }
        Relation r = columns.relation;
        return r != null && target(r) && scope.relations().contains(r) ? r : null;
    }

    private static SqlNode and(List<SqlNode> conjuncts) {
        if (conjuncts.isEmpty())
            return null;
        SqlNode out = conjuncts.get(0);
        for (int i = 1; i < conjuncts.size(); i++)
            out = SqlStdOperatorTable.AND.createCall(SqlParserPos.ZERO, out, conjuncts.get(i));
        return out;
    }

    /** The columns of a conjunct and the one relation they resolve to; throws where that is not certain. */
    private static final class Columns extends SqlBasicVisitor<Void> {
        private final Scope scope;
        private Relation relation;

        Columns(Scope scope) {
            this.scope = scope;
        }

        @Override public Void visit(SqlIdentifier id) {
            Relation r = scope.resolve(id);
            if (r == null || relation != null && relation != r)
                throw NotPushable.INSTANCE;
            relation = r;
            return null;
        }

        @Override public Void visit(SqlCall call) {
            if (call.isA(SqlKind.QUERY) || call.getOperator().isAggregator() || call.getKind() == SqlKind.OVER)
                throw NotPushable.INSTANCE;
            return super.visit(call);
        }
    }

    /** Stops the walk over a conjunct that cannot move; thrown often, so without a stack trace. */
    private static final class NotPushable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        static final NotPushable INSTANCE = new NotPushable();

        private NotPushable() {
            super(null, null, false, false);
        }
    }
}
