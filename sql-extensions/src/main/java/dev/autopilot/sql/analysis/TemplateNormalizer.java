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

package dev.autopilot.sql.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Turns a statement into its template: every literal value and every parameter becomes a placeholder numbered in
 * the order the tree is walked, so that {@code a = 1} and {@code a = ?} group together. Literals that take part in
 * computing an expression over columns stay, since they make the expression what it is: {@code FLOOR(c / 100)} and
 * {@code FLOOR(c / 10)} are different expressions, {@code c = 100} and {@code c = 10} the same filter. Booleans,
 * NULL and keywords (flags such as {@code LEADING} in TRIM) stay too: they change what the statement means.
 */
final class TemplateNormalizer extends SqlShuttle {
    private static final Set<SqlTypeName> VALUE_TYPES = valueTypes();

    /** For each call being visited, whether its literal operands are part of an expression over columns. */
    private final Deque<Boolean> computing = new ArrayDeque<>();
    private int next;

    private TemplateNormalizer() {
    }

    /**
     * @param stmt a parsed statement; not changed
     * @return a copy with placeholders, or the statement itself when it holds no values or cannot be copied (DDL)
     */
    static SqlNode normalize(SqlNode stmt) {
        if (stmt instanceof SqlDdl)
            return stmt;

        try {
            return stmt.accept(new TemplateNormalizer());
        }
        catch (RuntimeException | AssertionError e) {
            // Some statements cannot be rebuilt by a shuttle; their text then serves as the template.
            return stmt;
        }
    }

    @Override public SqlNode visit(SqlLiteral literal) {
        boolean partOfExpression = !computing.isEmpty() && computing.peek();
        return VALUE_TYPES.contains(literal.getTypeName()) && !partOfExpression
            ? new SqlDynamicParam(next++, literal.getParserPosition())
            : literal;
    }

    @Override public SqlNode visit(SqlDynamicParam param) {
        return new SqlDynamicParam(next++, param.getParserPosition());
    }

    @Override public SqlNode visit(SqlCall call) {
        // Calcite's shuttle cannot rebuild DML statements (it would return a plain call), so they are rebuilt here.
        if (call instanceof SqlInsert insert) {
            return new SqlInsert(insert.getParserPosition(), (SqlNodeList)insert.getOperandList().get(0),
                insert.getTargetTable(), insert.getSource().accept(this), insert.getTargetColumnList());
        }
        if (call instanceof SqlUpdate update) {
            SqlNodeList values = (SqlNodeList)update.getSourceExpressionList().accept(this);
            return new SqlUpdate(update.getParserPosition(), update.getTargetTable(), update.getTargetColumnList(),
                values, accept(update.getCondition()), update.getSourceSelect(), update.getAlias());
        }
        if (call instanceof SqlDelete delete) {
            return new SqlDelete(delete.getParserPosition(), delete.getTargetTable(), accept(delete.getCondition()),
                delete.getSourceSelect(), delete.getAlias());
        }
        if (call instanceof SqlMerge || call instanceof SqlDdl)
            return call;
        computing.push(computesOverColumns(call));
        try {
            return super.visit(call);
        }
        finally {
            computing.pop();
        }
    }

    /** @return whether {@code call} is arithmetic or a function applied to columns, such as {@code FLOOR(c / 100)} */
    private static boolean computesOverColumns(SqlCall call) {
        boolean computes = call.getOperator() instanceof SqlFunction
            || SqlKind.BINARY_ARITHMETIC.contains(call.getKind()) || call.getKind() == SqlKind.MINUS_PREFIX;
        return computes && StatementAnalyzer.hasColumn(call);
    }

    private SqlNode accept(SqlNode node) {
        return node == null ? null : node.accept(this);
    }

    private static Set<SqlTypeName> valueTypes() {
        Set<SqlTypeName> types = EnumSet.noneOf(SqlTypeName.class);
        types.addAll(SqlTypeName.NUMERIC_TYPES);
        types.addAll(SqlTypeName.STRING_TYPES);
        types.addAll(SqlTypeName.DATETIME_TYPES);
        types.addAll(SqlTypeName.INTERVAL_TYPES);
        return types;
    }
}
