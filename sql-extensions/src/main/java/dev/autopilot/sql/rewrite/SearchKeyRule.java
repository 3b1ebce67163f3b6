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

import java.util.Map;
import dev.autopilot.sql.layout.DerivedColumn;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Narrows a block's filter by {@link DerivedColumn#searchKey() search keys}, so that Ignite can seek their indexes:
 * for each conjunct of WHERE that compares an expression a READY search key of the block's own tables holds with
 * constants or parameters, it adds the same comparison of the key with the constants cast to DOUBLE. {@code E = c}
 * adds {@code K = CAST(c AS DOUBLE)}, {@code E IN (c1, c2)} adds {@code K IN (...)}, {@code E < c} and {@code E <= c}
 * add {@code K <= CAST(c AS DOUBLE)} (rounding may make a strict comparison an equality), {@code E BETWEEN a AND b}
 * adds {@code K BETWEEN ... AND ...}; a constant on the left mirrors the comparison. Rounding to the nearest DOUBLE
 * keeps order, so the added conjunct holds wherever the user's does; the user's conjunct stays and decides.
 */
final class SearchKeyRule implements BlockRule {
    /** A comparison of the expression with a constant, and the key's comparison that it implies. */
    private static final Map<SqlKind, SqlOperator> IMPLIED = Map.of(
        SqlKind.EQUALS, SqlStdOperatorTable.EQUALS,
        SqlKind.LESS_THAN, SqlStdOperatorTable.LESS_THAN_OR_EQUAL,
        SqlKind.LESS_THAN_OR_EQUAL, SqlStdOperatorTable.LESS_THAN_OR_EQUAL,
        SqlKind.GREATER_THAN, SqlStdOperatorTable.GREATER_THAN_OR_EQUAL,
        SqlKind.GREATER_THAN_OR_EQUAL, SqlStdOperatorTable.GREATER_THAN_OR_EQUAL);

    @Override public String name() {
        return "SearchKey";
    }

    @Override public boolean matches(QueryBlock block, RewriteContext cx) {
        return block.select().getWhere() != null && block.scope().relations().stream().anyMatch(Relation::hasReadyKeys);
    }

    @Override public boolean apply(QueryBlock block, RewriteContext cx) {
        SqlNode where = block.select().getWhere();
        boolean narrowed = false;
        for (SqlNode c : Conjuncts.of(where)) {
            SqlNode key = c instanceof SqlCall call ? narrowing(call, block, cx) : null;
            if (key != null) {
                where = SqlStdOperatorTable.AND.createCall(SqlParserPos.ZERO, where, key);
                narrowed = true;
            }
        }
        block.select().setWhere(where);
        return narrowed;
    }

    /** @return the key's comparison that {@code c} implies, or {@code null} */
    private static SqlNode narrowing(SqlCall c, QueryBlock block, RewriteContext cx) {
        SqlKind kind = c.getKind();
        if (c.getOperator() instanceof SqlBetweenOperator between) {
            if (between.isNegated() || between.flag != SqlBetweenOperator.Flag.ASYMMETRIC
                || !constant(c.operand(1)) || !constant(c.operand(2)))
                return null;
            SqlNode key = key(c.operand(0), block, cx);
            return key == null ? null : SqlStdOperatorTable.BETWEEN.createCall(SqlParserPos.ZERO, key,
                asDouble(c.operand(1)), asDouble(c.operand(2)));
        }
        if (kind == SqlKind.IN && c.operand(1) instanceof SqlNodeList list
            && list.stream().allMatch(SearchKeyRule::constant)) {
            SqlNode key = key(c.operand(0), block, cx);
            if (key == null)
                return null;
            SqlNodeList values = new SqlNodeList(SqlParserPos.ZERO);
            list.forEach(v -> values.add(asDouble(v)));
            return SqlStdOperatorTable.IN.createCall(SqlParserPos.ZERO, key, values);
        }
        if (!IMPLIED.containsKey(kind))
            return null;
        if (constant(c.operand(1))) {
            SqlNode key = key(c.operand(0), block, cx);
            return key == null ? null : IMPLIED.get(kind).createCall(SqlParserPos.ZERO, key, asDouble(c.operand(1)));
        }
        if (constant(c.operand(0))) {
            SqlNode key = key(c.operand(1), block, cx);
            return key == null ? null
                : IMPLIED.get(kind.reverse()).createCall(SqlParserPos.ZERO, key, asDouble(c.operand(0)));
        }
        return null;
    }

    /** @return a reference to the READY search key of {@code e} in one of the block's own tables, or {@code null} */
    private static SqlNode key(SqlNode e, QueryBlock block, RewriteContext cx) {
        if (!(e instanceof SqlCall call))
            return null;
        DerivedColumnMatcher.Match m = DerivedColumnMatcher.matchKey(call, block.scope());
        if (m == null || !block.scope().relations().contains(m.relation()))
            return null;
        cx.used(m.relation().layout(), m.column().name());
        return m.reference();
    }

    private static SqlNode asDouble(SqlNode constant) {
        SqlDataTypeSpec type = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, SqlParserPos.ZERO),
            SqlParserPos.ZERO);
        return SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, constant, type);
    }

    private static boolean constant(SqlNode n) {
        return n instanceof SqlDynamicParam || n instanceof SqlNumericLiteral;
    }
}
