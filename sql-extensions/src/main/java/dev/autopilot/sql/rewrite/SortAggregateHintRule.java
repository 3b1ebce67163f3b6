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
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Keeps Ignite 2.17 from planning a rewritten {@code x IN (SELECT ...)} with a map/reduce sort aggregate, which fails
 * with "Remote query execution" (a NullPointerException in {@code SortAggregateNode.push}: the reduce aggregate's
 * comparator is null in a fragment sent to another node). Plain Ignite fails the same way on an indexed column; the
 * original expression, never indexed, is planned with a colocated aggregate. So a query whose derived columns were
 * used and that has an IN or quantified subquery gets {@code /*+ DISABLE_RULE('MapReduceSortAggregateConverterRule')
 * *}{@code /} on its outermost SELECT, where Ignite reads query-wide hints; the derived columns stay.
 */
final class SortAggregateHintRule implements StatementRule {
    private static final String DISABLED_RULE = "MapReduceSortAggregateConverterRule";

    private static final Set<SqlKind> SUBQUERY_PREDICATES = Set.of(SqlKind.IN, SqlKind.NOT_IN, SqlKind.SOME,
        SqlKind.ALL);

    @Override public String name() {
        return "SortAggregateHint";
    }

    @Override public boolean matches(SqlNode statement, RewriteContext cx) {
        return cx.replacements() > 0 && outermost(statement) != null && hasSubqueryPredicate(statement);
    }

    @Override public void apply(SqlNode statement, RewriteContext cx) {
        SqlSelect select = outermost(statement);
        List<SqlNode> hints = new ArrayList<>();
        if (select.getHints() != null)
            select.getHints().forEach(hints::add);
        hints.add(new SqlHint(SqlParserPos.ZERO, new SqlIdentifier("DISABLE_RULE", SqlParserPos.ZERO),
            SqlNodeList.of(SqlLiteral.createCharString(DISABLED_RULE, SqlParserPos.ZERO)),
            SqlHint.HintOptionFormat.LITERAL_LIST));
        select.setHints(new SqlNodeList(hints, SqlParserPos.ZERO));
    }

    private static SqlSelect outermost(SqlNode query) {
        SqlNode q = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
        return q instanceof SqlSelect select ? select : null;
    }

    private static boolean hasSubqueryPredicate(SqlNode statement) {
        boolean[] found = new boolean[1];
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override public Void visit(SqlCall call) {
                if (SUBQUERY_PREDICATES.contains(call.getKind()) && call.getOperandList().stream()
                    .anyMatch(o -> o != null && o.isA(SqlKind.QUERY)))
                    found[0] = true;
                return super.visit(call);
            }
        });
        return found[0];
    }
}
