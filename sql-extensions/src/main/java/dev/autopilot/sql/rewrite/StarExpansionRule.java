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
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Derived columns are real columns, so {@code *} and {@code t.*} would show them: this rule writes out the user's
 * own columns instead, qualified by the relation's name, in declaration order. Output names stay those the star gave:
 * a repeated name gets the suffix Calcite's star expansion gives it ({@code L_ORDERKEY0}) as an explicit alias.
 * Relations without derived columns keep their {@code t.*}. Under {@code *} over NATURAL or USING joins, whose
 * merged columns only Calcite knows how to list, each managed table becomes {@code (SELECT its columns FROM t) AS t},
 * as Ignite's validator itself does for such joins; that table's derived columns then go unused in the block.
 * Not expanded (the user would see derived columns): {@code *} over a join with an unaliased derived table. After a
 * {@code t.*} of a table Autopilot does not manage, the names that {@code t.*} gives are unknown, so a repeated name
 * may get a different suffix than Calcite's.
 */
final class StarExpansionRule implements BlockRule {
    @Override public String name() {
        return "StarExpansion";
    }

    @Override public boolean matches(QueryBlock block, RewriteContext cx) {
        for (SqlNode item : block.select().getSelectList()) {
            List<Relation> covered = covered(item, block.scope());
            if (covered != null && covered.stream().anyMatch(Relation::hasDerivedColumns))
                return true;
        }
        return false;
    }

    @Override public boolean apply(QueryBlock block, RewriteContext cx) {
        boolean changed = false;
        if (block.scope().hasNaturalOrUsingJoin() && block.select().getSelectList().stream()
            .anyMatch(i -> isStar(i) && ((SqlIdentifier)i).names.size() == 1)) {
            block.select().setFrom(hideDerivedColumns(block.select().getFrom(), block.scope()));
            changed = true;
        }
        SqlNodeList list = block.select().getSelectList();
        List<SqlNode> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean expanded = false;
        for (SqlNode item : list) {
            List<Relation> covered = covered(item, block.scope());
            if (covered != null && covered.stream().anyMatch(Relation::hasDerivedColumns)
                && covered.stream().allMatch(r -> r.alias() != null)) {
                for (Relation r : covered)
                    expand(r, out, names);
                expanded = true;
            }
            else {
                out.add(item);
                if (!isStar(item))
                    names.add(SqlValidatorUtil.alias(item, out.size() - 1));
            }
        }
        if (expanded)
            block.select().setSelectList(new SqlNodeList(out, list.getParserPosition()));
        return changed || expanded;
    }

    /** @return {@code from} with each managed table that has derived columns wrapped in a query of its own columns */
    private static SqlNode hideDerivedColumns(SqlNode from, Scope scope) {
        if (from instanceof SqlJoin join) {
            join.setLeft(hideDerivedColumns(join.getLeft(), scope));
            join.setRight(hideDerivedColumns(join.getRight(), scope));
            return join;
        }
        boolean aliased = from.getKind() == SqlKind.AS;
        if (aliased && ((SqlCall)from).operandCount() > 2)
            return from;
        SqlNode source = aliased ? ((SqlCall)from).operand(0) : from;
        SqlIdentifier table = QueryWalker.tableName(source);
        if (table == null)
            return from;
        String alias = aliased ? ((SqlIdentifier)((SqlCall)from).operand(1)).getSimple()
            : table.names.get(table.names.size() - 1);
        Relation r = scope.byAlias(alias);
        if (r == null || !r.hasDerivedColumns())
            return from;
        List<SqlNode> columns = new ArrayList<>();
        for (String c : r.layout().table().columns().keySet())
            columns.add(new SqlIdentifier(c, SqlParserPos.ZERO));
        // Empty keyword and hint lists, not null, as the parser makes them: the text reads back to the same tree.
        SqlSelect own = new SqlSelect(SqlParserPos.ZERO, SqlNodeList.EMPTY, new SqlNodeList(columns, SqlParserPos.ZERO),
            source, null, null, null, null, null, null, null, SqlNodeList.EMPTY);
        scope.replace(r, new Relation(alias, null, new HashSet<>(r.layout().table().columns().keySet())));
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, own, new SqlIdentifier(alias, SqlParserPos.ZERO));
    }

    private static void expand(Relation r, List<SqlNode> out, Set<String> names) {
        if (r.layout() == null) {
            out.add(SqlIdentifier.star(List.of(r.alias(), ""), SqlParserPos.ZERO, null));
            return;
        }
        for (String column : r.layout().table().columns().keySet()) {
            SqlNode ref = new SqlIdentifier(List.of(r.alias(), column), SqlParserPos.ZERO);
            String name = SqlValidatorUtil.uniquify(column, names, SqlValidatorUtil.EXPR_SUGGESTER);
            out.add(name.equals(column) ? ref : SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, ref,
                new SqlIdentifier(name, SqlParserPos.ZERO)));
        }
    }

    /** @return the relations a star item shows, or {@code null} when the item is not a star this rule expands */
    private static List<Relation> covered(SqlNode item, Scope scope) {
        if (!isStar(item))
            return null;
        SqlIdentifier star = (SqlIdentifier)item;
        if (star.names.size() == 1)
            return scope.relations();
        if (star.names.size() == 2) {
            Relation r = scope.byAlias(star.names.get(0));
            return r == null ? null : List.of(r);
        }
        return null;
    }

    private static boolean isStar(SqlNode item) {
        return item instanceof SqlIdentifier id && id.isStar();
    }
}
