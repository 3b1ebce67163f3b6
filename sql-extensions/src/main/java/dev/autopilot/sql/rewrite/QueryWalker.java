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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Visits every query block of a query (UNION branches, WITH items, derived tables, subqueries in expressions),
 * builds its {@link Scope} and applies the block rules to it. FROM items are visited before their block, so a
 * derived table is already rewritten when the block that reads it is. Once a block and every subquery in it are done,
 * {@link TableWrapRule} reads each of its tables that has derived columns through a wrapper: what the subqueries read
 * of an enclosing table by correlation is known by then.
 */
final class QueryWalker {
    private final List<BlockRule> rules;
    private final RewriteContext cx;

    QueryWalker(List<BlockRule> rules, RewriteContext cx) {
        this.rules = rules;
        this.cx = cx;
    }

    /** Rewrites {@code query}, a whole statement, in place. */
    void statement(SqlNode query) {
        query(query, null, true);
    }

    /** Rewrites {@code query} in place; {@code outer} is the scope its correlated references may reach. */
    void query(SqlNode query, Scope outer) {
        query(query, outer, false);
    }

    private void query(SqlNode query, Scope outer, boolean statement) {
        switch (query.getKind()) {
            case SELECT -> block((SqlSelect)query, null, outer, statement);
            case ORDER_BY -> {
                SqlOrderBy ob = (SqlOrderBy)query;
                if (ob.query instanceof SqlSelect select)
                    block(select, ob.orderList, outer, statement);
                else
                    query(ob.query, outer);
            }
            case UNION, INTERSECT, EXCEPT -> {
                for (SqlNode branch : ((SqlCall)query).getOperandList())
                    query(branch, outer);
            }
            case WITH -> with((SqlWith)query, outer);
            default -> {
                // VALUES and other table expressions hold no block to rewrite.
            }
        }
    }

    private void with(SqlWith with, Scope outer) {
        List<String> names = new ArrayList<>();
        for (SqlNode item : with.withList)
            names.add(((SqlWithItem)item).name.getSimple());
        cx.enterWith(names);
        try {
            for (SqlNode item : with.withList)
                query(((SqlWithItem)item).query, outer);
            query(with.body, outer);
        }
        finally {
            cx.leaveWith(names);
        }
    }

    private void block(SqlSelect select, SqlNodeList orderList, Scope outer, boolean statement) {
        Scope scope = new Scope(outer);
        if (select.getFrom() != null)
            from(select.getFrom(), scope, outer, false);
        boolean exposing = !listsColumnsWholesale(select, scope);
        for (Relation r : scope.relations())
            r.exposable(exposing && r.preserved());
        QueryBlock block = new QueryBlock(select, orderList, scope, statement);
        for (BlockRule rule : rules) {
            if (rule.matches(block, cx) && rule.apply(block, cx))
                cx.fired(rule.name());
        }
        List<SqlNode> beforeGrouping = Subqueries.outermost(select.getWhere(), select.getGroup());
        joinConditions(select.getFrom(), beforeGrouping);
        List<SqlNode> afterGrouping = Subqueries.outermost(select.getSelectList(), select.getHaving(),
            select.getOrderList(), orderList);
        for (SqlNode q : beforeGrouping)
            query(q, scope);
        boolean grouped = select.getGroup() != null && !select.getGroup().isEmpty();
        Scope afterGroupingScope = grouped ? scope.closedToCorrelation() : scope;
        for (SqlNode q : afterGrouping)
            query(q, afterGroupingScope);
        if (RewriteRules.TABLE_WRAP.matches(block, cx) && RewriteRules.TABLE_WRAP.apply(block, cx))
            cx.fired(RewriteRules.TABLE_WRAP.name());
    }

    /** @return whether a star, NATURAL or USING in the block names columns of its relations that nobody listed */
    private static boolean listsColumnsWholesale(SqlSelect select, Scope scope) {
        return scope.hasNaturalOrUsingJoin()
            || select.getSelectList().stream().anyMatch(i -> i instanceof SqlIdentifier id && id.isStar());
    }

    private static void joinConditions(SqlNode from, List<SqlNode> found) {
        if (from instanceof SqlJoin join) {
            joinConditions(join.getLeft(), found);
            joinConditions(join.getRight(), found);
            if (join.getConditionType() == JoinConditionType.ON)
                Subqueries.into(found, join.getCondition());
        }
    }

    /** @param nullExtended whether an outer join above this item may null-extend its rows */
    private void from(SqlNode from, Scope scope, Scope outer, boolean nullExtended) {
        switch (from.getKind()) {
            case JOIN -> {
                SqlJoin join = (SqlJoin)from;
                JoinType type = join.getJoinType();
                from(join.getLeft(), scope, outer, nullExtended || type == JoinType.RIGHT || type == JoinType.FULL);
                from(join.getRight(), scope, outer, nullExtended || type == JoinType.LEFT || type == JoinType.FULL);
                if (join.isNatural() || join.getConditionType() == JoinConditionType.USING)
                    scope.markNaturalOrUsingJoin();
                return;
            }
            case AS -> {
                List<SqlNode> operands = ((SqlCall)from).getOperandList();
                String alias = ((SqlIdentifier)operands.get(1)).getSimple();
                SqlNode source = operands.get(0);
                if (operands.size() > 2) {
                    // Column aliases rename the columns: the relation is no longer the table as the layout knows it.
                    if (source.isA(SqlKind.QUERY))
                        query(source, outer);
                    scope.add(new Relation(alias, null, names(operands.subList(2, operands.size()))));
                }
                else
                    scope.add(relation(source, alias, outer));
            }
            default -> scope.add(relation(from, null, outer));
        }
        if (nullExtended)
            scope.relations().get(scope.relations().size() - 1).nullExtended();
    }

    private Relation relation(SqlNode source, String alias, Scope outer) {
        SqlIdentifier table = tableName(source);
        if (table != null) {
            String name = alias != null ? alias : table.names.get(table.names.size() - 1);
            PartitionLayout layout = cx.layoutOf(table);
            return layout == null ? new Relation(name, null, null) : Relation.table(name, layout);
        }
        if (source.isA(SqlKind.QUERY)) {
            query(source, outer);
            return new Relation(alias, null, outputNames(source));
        }
        // LATERAL, UNNEST, table functions: their columns and correlation are not modelled.
        return new Relation(alias, null, null);
    }

    /** @return the table a FROM item reads, or {@code null} when it is not a plain table */
    static SqlIdentifier tableName(SqlNode source) {
        if (source instanceof SqlIdentifier id)
            return id;
        if (source.getKind() == SqlKind.TABLE_REF && ((SqlCall)source).operand(0) instanceof SqlIdentifier id)
            return id;
        return null;
    }

    private static Set<String> names(List<SqlNode> identifiers) {
        Set<String> out = new LinkedHashSet<>();
        for (SqlNode n : identifiers) {
            if (!(n instanceof SqlIdentifier id) || !id.isSimple())
                return null;
            out.add(id.getSimple());
        }
        return out;
    }

    /** @return the column names a subquery gives, or {@code null} when a star or an unusual shape hides them */
    private static Set<String> outputNames(SqlNode query) {
        SqlNode q = query instanceof SqlOrderBy ob ? ob.query : query;
        if (!(q instanceof SqlSelect select))
            return null;
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlIdentifier id && id.isStar())
                return null;
            out.add(SqlValidatorUtil.alias(item, i++));
        }
        return out;
    }
}
