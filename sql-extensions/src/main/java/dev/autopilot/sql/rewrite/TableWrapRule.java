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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Derived columns are real columns of the table, so anything that lists a table's columns without naming them (a star
 * in any position, a view, a CTE, NATURAL and USING joins, a column alias list) would show them. This rule makes that
 * impossible by construction: every FROM item that reads a table with derived columns becomes {@code (SELECT <the
 * user's columns>[, <derived columns read outside>] FROM t AS a [WHERE <pushed conjuncts>]) AS a}, so the relation the
 * rest of the statement sees has the user's columns, in the user's order, and nothing else. Derived columns appear in
 * it only where an expression of a block without a star reads one ({@link Relation#exposable()}); the conjuncts that
 * {@link FilterPushdownRule} moved in become the wrapper's WHERE, which the wrapper rules (search keys, derived
 * columns, index hints) then rewrite. Ignite's planner merges the projection into the table scan, so indexes serve as
 * before. A wrapped table written {@code SCHEMA.T} without an alias is renamed {@code T}: three-part column names
 * {@code SCHEMA.T.C} of the block become {@code T.C}.
 */
final class TableWrapRule implements BlockRule {
    @Override public String name() {
        return "TableWrap";
    }

    @Override public boolean matches(QueryBlock block, RewriteContext cx) {
        return block.select().getFrom() != null;
    }

    @Override public boolean apply(QueryBlock block, RewriteContext cx) {
        // An index hint inside a wrapper would overrule the user's hints or pick one table of a join: as before
        // wrappers, only a block that reads one table and carries no hint of the user's gets one.
        boolean hintable = block.scope().relations().size() == 1
            && (block.select().getHints() == null || block.select().getHints().isEmpty());
        Wrapping w = new Wrapping(block.scope().relations().iterator(), cx, hintable);
        block.select().setFrom(w.from(block.select().getFrom()));
        if (!w.schemaQualified.isEmpty())
            QualifiedNames.shorten(block, w.schemaQualified);
        return w.changed;
    }

    /** One pass over a FROM tree, meeting its items in the order the walker made their relations. */
    private static final class Wrapping {
        private final Iterator<Relation> relations;
        private final RewriteContext cx;
        private final boolean hintable;
        private final Set<List<String>> schemaQualified = new HashSet<>();
        private boolean changed;

        Wrapping(Iterator<Relation> relations, RewriteContext cx, boolean hintable) {
            this.relations = relations;
            this.cx = cx;
            this.hintable = hintable;
        }

        SqlNode from(SqlNode item) {
            if (item instanceof SqlJoin join) {
                join.setLeft(from(join.getLeft()));
                join.setRight(from(join.getRight()));
                return join;
            }
            Relation r = relations.next();
            if (item.getKind() != SqlKind.AS) {
                if (!r.hasDerivedColumns())
                    return item;
                SqlIdentifier table = QueryWalker.tableName(item);
                if (table.names.size() > 1)
                    schemaQualified.add(table.names);
                return wrapper(r, item);
            }
            SqlCall as = (SqlCall)item;
            if (as.operandCount() > 2)
                return columnAliased(as);
            if (r.hasDerivedColumns())
                return wrapper(r, as.operand(0));
            return item;
        }

        /** @return {@code (SELECT <columns> FROM source AS alias WHERE <pushed>) AS alias}, its block rewritten */
        private SqlNode wrapper(Relation r, SqlNode source) {
            SqlIdentifier alias = new SqlIdentifier(r.alias(), SqlParserPos.ZERO);
            List<SqlNode> columns = new ArrayList<>();
            for (String c : r.layout().table().columns().keySet())
                columns.add(new SqlIdentifier(c, SqlParserPos.ZERO));
            for (String c : r.exposed())
                columns.add(new SqlIdentifier(c, SqlParserPos.ZERO));
            SqlSelect own = select(columns, SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, source, alias),
                and(r.pushed()));
            Scope scope = new Scope(null);
            scope.add(Relation.insideWrapper(r.alias(), r.layout()));
            QueryBlock block = new QueryBlock(own, null, scope, false);
            for (BlockRule rule : cx.wrapperRules()) {
                if ((hintable || rule != RewriteRules.INDEX_HINT) && rule.matches(block, cx) && rule.apply(block, cx))
                    cx.fired(rule.name());
            }
            changed = true;
            return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, own, alias);
        }

        /** A column alias list renames the user's columns: it must meet exactly those, without derived ones. */
        private SqlNode columnAliased(SqlCall as) {
            SqlIdentifier table = QueryWalker.tableName(as.operand(0));
            PartitionLayout layout = table == null ? null : cx.layoutOf(table);
            if (layout == null || layout.derived().isEmpty())
                return as;
            List<SqlNode> columns = new ArrayList<>();
            for (String c : layout.table().columns().keySet())
                columns.add(new SqlIdentifier(c, SqlParserPos.ZERO));
            as.setOperand(0, select(columns, as.operand(0), null));
            changed = true;
            return as;
        }

        private static SqlSelect select(List<SqlNode> columns, SqlNode from, SqlNode where) {
            // Empty keyword and hint lists, not null, as the parser makes them: the text reads back to the same tree.
            return new SqlSelect(SqlParserPos.ZERO, SqlNodeList.EMPTY, new SqlNodeList(columns, SqlParserPos.ZERO),
                from, where, null, null, null, null, null, null, SqlNodeList.EMPTY);
        }

        private static SqlNode and(List<SqlNode> conjuncts) {
            SqlNode out = null;
            for (SqlNode c : conjuncts)
                out = out == null ? c : SqlStdOperatorTable.AND.createCall(SqlParserPos.ZERO, out, c);
            return out;
        }
    }
}
