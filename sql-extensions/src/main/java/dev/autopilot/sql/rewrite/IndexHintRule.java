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

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.autopilot.sql.layout.LayoutIndex;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Forces an index Autopilot created when a block's filter is exactly what the index serves: the block reads one
 * managed table, its WHERE is a conjunction of {@code column = value} and range comparisons ({@code <}, {@code <=},
 * {@code >}, {@code >=}, BETWEEN) against constants or parameters, and those columns are a prefix of the index with
 * equalities on all but the last. Runs after {@link DerivedExpressionRule}, so a predicate on a derived column counts.
 * Blocks that already carry hints are left alone. The longest prefix wins; ties go to the first index.
 */
final class IndexHintRule implements BlockRule {
    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
        SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);

    @Override public String name() {
        return "IndexHint";
    }

    @Override public boolean matches(QueryBlock block, RewriteContext cx) {
        SqlSelect select = block.select();
        return block.scope().relations().size() == 1 && block.scope().relations().get(0).layout() != null
            && !block.scope().relations().get(0).layout().indexes().isEmpty() && select.getWhere() != null
            && (select.getHints() == null || select.getHints().isEmpty());
    }

    @Override public boolean apply(QueryBlock block, RewriteContext cx) {
        Relation table = block.scope().relations().get(0);
        Set<String> equal = new HashSet<>();
        Set<String> range = new HashSet<>();
        if (!predicates(block.select().getWhere(), block.scope(), table, equal, range))
            return false;
        LayoutIndex best = null;
        int bestLength = 0;
        for (LayoutIndex index : table.layout().indexes()) {
            int length = matchedPrefix(index.columns(), equal, range);
            if (length > bestLength) {
                best = index;
                bestLength = length;
            }
        }
        if (best == null)
            return false;
        SqlHint hint = new SqlHint(SqlParserPos.ZERO, new SqlIdentifier("FORCE_INDEX", SqlParserPos.ZERO),
            SqlNodeList.of(new SqlIdentifier(best.name(), SqlParserPos.ZERO)), SqlHint.HintOptionFormat.ID_LIST);
        block.select().setHints(SqlNodeList.of(hint));
        return true;
    }

    /** @return how many index columns the predicates cover exactly, or 0 when they are not exactly a prefix */
    private static int matchedPrefix(List<String> columns, Set<String> equal, Set<String> range) {
        int k = equal.size() + (range.isEmpty() ? 0 : 1);
        if (k == 0 || k > columns.size() || range.size() > 1)
            return 0;
        for (int i = 0; i < k - 1; i++) {
            if (!equal.contains(columns.get(i)))
                return 0;
        }
        String last = columns.get(k - 1);
        boolean ok = range.isEmpty() ? equal.contains(last) : range.contains(last) && !equal.contains(last);
        return ok ? k : 0;
    }

    /** Sorts the conjuncts of {@code where} into equality and range columns; false if any conjunct is anything else. */
    private static boolean predicates(SqlNode where, Scope scope, Relation table, Set<String> equal,
        Set<String> range) {
        for (SqlNode c : Conjuncts.of(where)) {
            if (!(c instanceof SqlCall call))
                return false;
            SqlKind kind = call.getKind();
            String column;
            if (kind == SqlKind.EQUALS || COMPARISONS.contains(kind)) {
                column = column(call.operand(0), scope, table);
                if (column == null || !constant(call.operand(1)))
                    column = constant(call.operand(0)) ? column(call.operand(1), scope, table) : null;
            }
            else if (call.getOperator() instanceof SqlBetweenOperator between && !between.isNegated())
                column = constant(call.operand(1)) && constant(call.operand(2)) ? column(call.operand(0), scope, table)
                    : null;
            else
                return false;
            if (column == null)
                return false;
            (kind == SqlKind.EQUALS ? equal : range).add(column);
        }
        return true;
    }

    private static String column(SqlNode n, Scope scope, Relation table) {
        return n instanceof SqlIdentifier id && scope.resolve(id) == table ? id.names.get(id.names.size() - 1) : null;
    }

    private static boolean constant(SqlNode n) {
        return n instanceof SqlLiteral || n instanceof SqlDynamicParam;
    }
}
