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
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.JoinConditionType;
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
 * Replaces each expression of a block that a READY derived column holds by a reference to that column, qualified by
 * its relation's name: {@code SUM(l_extendedprice * l_discount)} becomes {@code SUM(L.AP_...)}. The largest matching
 * expression wins. Only columns of {@link Relation#exposable() exposable} relations replace expressions outside a
 * table's wrapper. Rows are filtered before they are grouped, so WHERE and JOIN ON may use any READY column; in a
 * grouped block the select list, HAVING and ORDER BY use one outside aggregates only where GROUP BY uses it too, so
 * that Calcite still finds every selected expression among the grouping keys. A select item that was a bare
 * expression keeps its output name (see {@link OutputNames}) through an explicit alias.
 */
final class DerivedExpressionRule implements BlockRule {
    private static final Set<String> AGGREGATES = Set.of("SUM", "SUM0", "$SUM0", "COUNT", "AVG", "MIN", "MAX",
        "EVERY", "SOME", "ANY_VALUE", "BIT_AND", "BIT_OR", "BIT_XOR", "LISTAGG", "STRING_AGG", "ARRAY_AGG",
        "ARRAY_CONCAT_AGG", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "BOOL_AND",
        "BOOL_OR", "GROUP_CONCAT");

    @Override public String name() {
        return "DerivedExpression";
    }

    @Override public boolean matches(QueryBlock block, RewriteContext cx) {
        return block.scope().reachesReadyColumns();
    }

    @Override public boolean apply(QueryBlock block, RewriteContext cx) {
        SqlSelect select = block.select();
        int before = cx.replacements();
        Set<String> aliases = selectAliases(select.getSelectList());
        Pass any = new Pass(block.scope(), cx, null, Set.of(), null);
        select.setWhere(any.rewrite(select.getWhere(), true, false));
        joinConditions(select.getFrom(), any);

        Pass outsideAggregates = any;
        SqlNodeList group = select.getGroup();
        if (group != null && !group.isEmpty()) {
            Set<String> keys = new HashSet<>();
            if (group.stream().noneMatch(DerivedExpressionRule::groupingSet)) {
                Pass grouping = new Pass(block.scope(), cx, null, aliases, keys);
                rewriteList(group, grouping);
            }
            outsideAggregates = new Pass(block.scope(), cx, keys, aliases, null);
        }
        selectList(select.getSelectList(), outsideAggregates, cx, block.statement());
        // ORDER BY names a select item by its alias, also by the one Calcite derives (L_SHIPDATE for D.L_SHIPDATE).
        Pass afterSelect = outsideAggregates.hiding(outputNames(select.getSelectList()));
        select.setHaving(afterSelect.rewrite(select.getHaving(), true, false));
        rewriteList(select.getOrderList(), afterSelect);
        rewriteList(block.orderList(), afterSelect);
        return cx.replacements() > before;
    }

    private static void selectList(SqlNodeList items, Pass pass, RewriteContext cx, boolean statement) {
        boolean ordinalKnown = true;
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item instanceof SqlIdentifier id && id.isStar())
                ordinalKnown = false;
            else if (item.getKind() == SqlKind.AS) {
                SqlCall as = (SqlCall)item;
                SqlNode e = as.operand(0);
                SqlNode r = pass.rewrite(e, true, false);
                if (r != e)
                    as.setOperand(0, r);
            }
            else {
                // Named by a text that validation changes in place: what it will be is unknown, leave it as written.
                if (statement && OutputNames.readable(item) && !OutputNames.keepsItsText(item))
                    continue;
                // Named before any part of it changes in place. A name from the ordinal (EXPR$n) is unknown after an
                // unexpanded star: then only parts are replaced, which keep the item's kind and so its name.
                boolean nameKnown = ordinalKnown || statement && OutputNames.readable(item);
                String name = OutputNames.of(item, i, statement);
                int before = cx.replacements();
                SqlNode r = pass.rewrite(item, nameKnown, false);
                if (nameKnown && cx.replacements() > before) {
                    items.set(i, SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, r,
                        new SqlIdentifier(name, SqlParserPos.QUOTED_ZERO)));
                }
            }
        }
    }

    private static void joinConditions(SqlNode from, Pass pass) {
        if (from instanceof SqlJoin join) {
            joinConditions(join.getLeft(), pass);
            joinConditions(join.getRight(), pass);
            if (join.getConditionType() == JoinConditionType.ON && join.getCondition() != null)
                join.setOperand(5, pass.rewrite(join.getCondition(), true, false));
        }
    }

    private static void rewriteList(SqlNodeList list, Pass pass) {
        if (list == null)
            return;
        for (int i = 0; i < list.size(); i++) {
            SqlNode n = list.get(i);
            SqlNode r = pass.rewrite(n, true, false);
            if (r != n)
                list.set(i, r);
        }
    }

    private static boolean groupingSet(SqlNode n) {
        return n.getKind() == SqlKind.ROLLUP || n.getKind() == SqlKind.CUBE || n.getKind() == SqlKind.GROUPING_SETS;
    }

    private static Set<String> selectAliases(SqlNodeList items) {
        Set<String> out = new HashSet<>();
        for (SqlNode item : items) {
            if (item.getKind() == SqlKind.AS)
                out.add(((SqlIdentifier)((SqlCall)item).operand(1)).getSimple());
        }
        return out;
    }

    private static Set<String> outputNames(SqlNodeList items) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String name = SqlValidatorUtil.alias(items.get(i), i);
            if (name != null)
                out.add(name);
        }
        return out;
    }

    private static boolean aggregate(SqlCall call) {
        return call.getOperator().isAggregator() || call.getKind() == SqlKind.FILTER
            || call.getKind() == SqlKind.WITHIN_GROUP
            || AGGREGATES.contains(call.getOperator().getName().toUpperCase(Locale.ROOT));
    }

    /** One walk over expressions with one set of restrictions. */
    private static final class Pass {
        private final Scope scope;
        private final RewriteContext cx;
        private final Set<String> allowed;
        private final Set<String> hidden;
        private final Set<String> record;

        /**
         * @param allowed the derived columns (as {@code alias.COLUMN}) that may replace expressions outside
         *     aggregates, {@code null} for any
         * @param hidden unqualified names that are select-list aliases, not columns, in these clauses
         * @param record where to note the derived columns used, {@code null} for nowhere
         */
        Pass(Scope scope, RewriteContext cx, Set<String> allowed, Set<String> hidden, Set<String> record) {
            this.scope = scope;
            this.cx = cx;
            this.allowed = allowed;
            this.hidden = hidden;
            this.record = record;
        }

        Pass hiding(Set<String> names) {
            return new Pass(scope, cx, allowed, names, record);
        }

        /**
         * @param whole whether {@code node} itself may be replaced, or only its parts
         * @return {@code node} changed in place, or what replaces it
         */
        SqlNode rewrite(SqlNode node, boolean whole, boolean insideAggregate) {
            return rewrite(node, whole, insideAggregate, null);
        }

        /** @param comparison the comparison with a constant {@code node} is an operand of, or {@code null} */
        private SqlNode rewrite(SqlNode node, boolean whole, boolean insideAggregate, SqlKind comparison) {
            if (!(node instanceof SqlCall call) || call.isA(SqlKind.QUERY))
                return node;
            // A window over a grouped block reads grouped rows: leave it whole.
            if (allowed != null && call.getKind() == SqlKind.OVER)
                return node;
            boolean aggregate = aggregate(call);
            // An aggregate is never a derived expression: skip reading it, look inside.
            if (whole && !aggregate) {
                DerivedColumnMatcher.Match m = DerivedColumnMatcher.match(call, scope, hidden);
                if (m != null && m.relation().exposable() && !IndexBoundGuard.affected(m.column(), comparison)) {
                    String key = m.relation().alias() + '.' + m.column().name();
                    if (insideAggregate || allowed == null || allowed.contains(key)) {
                        if (record != null)
                            record.add(key);
                        cx.used(m.relation().layout(), m.column().name());
                        m.relation().expose(m.column().name());
                        return m.reference();
                    }
                }
            }
            boolean inside = insideAggregate || aggregate;
            SqlKind bound = IndexBoundGuard.comparisonWithConstant(call);
            for (int i = 0; i < call.operandCount(); i++) {
                SqlNode operand = call.operand(i);
                if (operand instanceof SqlNodeList list) {
                    for (int j = 0; j < list.size(); j++) {
                        SqlNode r = rewrite(list.get(j), true, inside, bound);
                        if (r != list.get(j))
                            list.set(j, r);
                    }
                }
                else if (operand != null) {
                    SqlNode r = rewrite(operand, true, inside, bound);
                    if (r != operand)
                        call.setOperand(i, r);
                }
            }
            return call;
        }
    }
}
