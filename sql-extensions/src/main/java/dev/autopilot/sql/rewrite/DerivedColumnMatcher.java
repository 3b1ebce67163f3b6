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
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.layout.DerivedColumn;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Finds the READY derived column that holds an expression of a query block, or the READY search key of it: every
 * column the expression reads must resolve to the same managed relation, and the expression's canonical form must
 * equal the derived column's.
 */
final class DerivedColumnMatcher {
    private static final SqlShuttle UNQUALIFY = new SqlShuttle() {
        @Override public SqlNode visit(SqlIdentifier id) {
            return id.isSimple() ? id : new SqlIdentifier(id.names.get(id.names.size() - 1), id.getParserPosition());
        }
    };

    /**
     * The derived column that answers an expression.
     *
     * @param relation the relation whose column it is
     * @param column the column
     */
    record Match(Relation relation, DerivedColumn column) {
        /** @return the reference that replaces the expression: {@code alias.AP_...} */
        SqlIdentifier reference() {
            return new SqlIdentifier(List.of(relation.alias(), column.name()), SqlParserPos.ZERO);
        }
    }

    private DerivedColumnMatcher() {
    }

    /**
     * @param e an expression of the block
     * @param scope the block's scope
     * @param hidden unqualified names that do not mean a column here (select-list aliases in ORDER BY)
     * @return the derived column that holds {@code e}, or {@code null}
     */
    static Match match(SqlCall e, Scope scope, Set<String> hidden) {
        return match(e, scope, hidden, false);
    }

    /**
     * The search key of an expression.
     *
     * @param e an expression of the block
     * @param scope the block's scope
     * @return the READY search key of {@code e}, or {@code null}
     */
    static Match matchKey(SqlCall e, Scope scope) {
        return match(e, scope, Set.of(), true);
    }

    private static Match match(SqlCall e, Scope scope, Set<String> hidden, boolean key) {
        Columns columns = new Columns(scope, hidden);
        try {
            e.accept(columns);
        }
        catch (NotMatchable notMatchable) {
            return null;
        }
        Relation r = columns.relation;
        if (r == null || !(key ? r.hasReadyKeys() : r.hasReadyColumns()) || !r.mayHold(columns.names))
            return null;
        DerivedExpression expression = DerivedExpression.ofNode(e.accept(UNQUALIFY), r.layout().table());
        DerivedColumn column = expression == null ? null : key ? r.readyKey(expression) : r.readyColumn(expression);
        return column == null ? null : new Match(r, column);
    }

    /** Collects the columns an expression reads and the one relation they all belong to. */
    private static final class Columns extends SqlBasicVisitor<Void> {
        private final Scope scope;
        private final Set<String> hidden;
        private final Set<String> names = new HashSet<>();
        private Relation relation;

        Columns(Scope scope, Set<String> hidden) {
            this.scope = scope;
            this.hidden = hidden;
        }

        @Override public Void visit(SqlIdentifier id) {
            if (id.isSimple() && hidden.contains(id.getSimple()))
                throw NotMatchable.INSTANCE;
            Relation r = scope.resolve(id);
            if (r == null || relation != null && relation != r)
                throw NotMatchable.INSTANCE;
            relation = r;
            names.add(id.names.get(id.names.size() - 1));
            return null;
        }

        @Override public Void visit(SqlDynamicParam param) {
            throw NotMatchable.INSTANCE;
        }

        @Override public Void visit(SqlCall call) {
            if (call.isA(SqlKind.QUERY))
                throw NotMatchable.INSTANCE;
            return super.visit(call);
        }
    }

    /** Stops the walk over an expression that cannot be a derived column; thrown often, so without a stack trace. */
    private static final class NotMatchable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        static final NotMatchable INSTANCE = new NotMatchable();

        private NotMatchable() {
            super(null, null, false, false);
        }
    }
}
