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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;

/**
 * Reads a parsed statement into a {@link StatementShape}: its template, tables, filters, projections and groupings.
 * Works on Calcite's parse tree (before validation), so aliases are resolved here by hand: a column qualified by an
 * alias belongs to the aliased table, an unqualified column belongs to the only table in scope, and otherwise the
 * optional {@link TableColumns} lookup decides. Whatever the analyzer does not understand is left out, never guessed.
 */
public final class StatementAnalyzer {
    private final TableColumns tableColumns;

    /** An analyzer that attributes unqualified columns only when a single table is in scope. */
    public StatementAnalyzer() {
        this(TableColumns.NONE);
    }

    /** @param tableColumns the columns of known tables, to attribute unqualified columns in joins */
    public StatementAnalyzer(TableColumns tableColumns) {
        this.tableColumns = tableColumns;
    }

    /**
     * @param stmt one parsed statement (not changed)
     * @return its shape
     */
    public StatementShape analyze(SqlNode stmt) {
        StatementKind kind = kindOf(stmt);
        SqlNode template = TemplateNormalizer.normalize(stmt);
        Collector collector = new Collector();

        if (kind == StatementKind.SELECT || kind == StatementKind.DML)
            collector.statement(template, null);

        return new StatementShape(kind, SqlPrinter.print(template), new ArrayList<>(collector.tables),
            collector.predicates, collector.projections, collector.groupBy);
    }

    /** @return the kind of a parsed statement */
    public static StatementKind kindOf(SqlNode stmt) {
        if (stmt.getKind() == SqlKind.EXPLAIN)
            return StatementKind.OTHER;
        if (stmt.isA(SqlKind.QUERY))
            return StatementKind.SELECT;
        if (stmt.isA(SqlKind.DML))
            return StatementKind.DML;
        if (stmt instanceof SqlDdl || stmt.isA(SqlKind.DDL))
            return StatementKind.DDL;
        return StatementKind.OTHER;
    }

    /** Tables and aliases visible to the expressions of one SELECT (or DML target). */
    private static final class Scope {
        final Scope parent;
        /** Alias (or table name) to table name; {@code null} for a derived table. */
        final Map<String, String> aliases = new HashMap<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        /** @return the table of {@code qualifier}, looking outwards for correlated references */
        String tableOf(String qualifier) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.aliases.containsKey(qualifier))
                    return s.aliases.get(qualifier);
            }
            return null;
        }

        /** @return the tables directly in this scope */
        List<String> tables() {
            return aliases.values().stream().distinct().toList();
        }
    }

    /** Walks one statement, accumulating what it finds. */
    private final class Collector {
        final Set<String> tables = new LinkedHashSet<>();
        final List<Predicate> predicates = new ArrayList<>();
        final List<String> projections = new ArrayList<>();
        final List<String> groupBy = new ArrayList<>();

        void statement(SqlNode node, Scope outer) {
            if (node == null)
                return;

            switch (node.getKind()) {
                case SELECT -> select((SqlSelect)node, outer);
                case ORDER_BY -> statement(((SqlOrderBy)node).query, outer);
                case WITH -> {
                    SqlWith with = (SqlWith)node;
                    for (SqlNode item : with.withList)
                        statement(((SqlWithItem)item).query, outer);
                    statement(with.body, outer);
                }
                case UNION, INTERSECT, EXCEPT -> {
                    for (SqlNode operand : ((SqlCall)node).getOperandList())
                        statement(operand, outer);
                }
                case INSERT -> {
                    SqlInsert insert = (SqlInsert)node;
                    target(insert.getTargetTable(), null, new Scope(outer));
                    statement(insert.getSource(), outer);
                }
                case UPDATE -> {
                    SqlUpdate update = (SqlUpdate)node;
                    Scope scope = new Scope(outer);
                    target(update.getTargetTable(), update.getAlias(), scope);
                    condition(update.getCondition(), scope, false);
                }
                case DELETE -> {
                    SqlDelete delete = (SqlDelete)node;
                    Scope scope = new Scope(outer);
                    target(delete.getTargetTable(), delete.getAlias(), scope);
                    condition(delete.getCondition(), scope, false);
                }
                case MERGE -> {
                    SqlMerge merge = (SqlMerge)node;
                    Scope scope = new Scope(outer);
                    target(merge.getTargetTable(), merge.getAlias(), scope);
                    from(merge.getSourceTableRef(), scope);
                }
                default -> {
                    // VALUES and other leaves read no table.
                }
            }
        }

        void select(SqlSelect select, Scope outer) {
            Scope scope = new Scope(outer);
            from(select.getFrom(), scope);

            for (SqlNode item : select.getSelectList()) {
                SqlNode expr = stripAlias(item);
                if (!(expr instanceof SqlIdentifier && ((SqlIdentifier)expr).isStar()))
                    projections.add(SqlPrinter.printUnqualified(expr));
                subqueries(expr, scope);
            }

            condition(select.getWhere(), scope, false);

            if (select.getGroup() != null) {
                for (SqlNode item : select.getGroup())
                    groupBy.add(SqlPrinter.printUnqualified(item));
            }

            condition(select.getHaving(), scope, false);
        }

        void target(SqlNode table, SqlIdentifier alias, Scope scope) {
            if (!(table instanceof SqlIdentifier))
                return;

            String name = tableName((SqlIdentifier)table);
            tables.add(name);
            scope.aliases.put(alias != null ? alias.getSimple() : lastName((SqlIdentifier)table), name);
        }

        void from(SqlNode from, Scope scope) {
            if (from == null)
                return;

            switch (from.getKind()) {
                case IDENTIFIER -> target(from, null, scope);
                case AS -> {
                    List<SqlNode> operands = ((SqlCall)from).getOperandList();
                    SqlNode source = operands.get(0);
                    String alias = ((SqlIdentifier)operands.get(1)).getSimple();
                    if (source instanceof SqlIdentifier) {
                        String name = tableName((SqlIdentifier)source);
                        tables.add(name);
                        scope.aliases.put(alias, name);
                    }
                    else {
                        statement(source, scope.parent);
                        scope.aliases.put(alias, null);
                    }
                }
                case JOIN -> {
                    SqlJoin join = (SqlJoin)from;
                    from(join.getLeft(), scope);
                    from(join.getRight(), scope);
                    condition(join.getCondition(), scope, false);
                }
                default -> statement(from, scope.parent);
            }
        }

        void condition(SqlNode cond, Scope scope, boolean disjunctive) {
            if (!(cond instanceof SqlCall))
                return;

            SqlCall call = (SqlCall)cond;
            switch (call.getKind()) {
                case AND -> call.getOperandList().forEach(op -> condition(op, scope, disjunctive));
                case OR -> call.getOperandList().forEach(op -> condition(op, scope, true));
                case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
                    comparison(call, scope, disjunctive);
                case BETWEEN -> {
                    List<SqlNode> ops = call.getOperandList();
                    String op = ((SqlBetweenOperator)call.getOperator()).isNegated() ? "NOT BETWEEN" : "BETWEEN";
                    if (ops.size() == 3 && isValue(ops.get(1)) && isValue(ops.get(2)))
                        add(ops.get(0), op, List.of(ops.get(1), ops.get(2)), scope, disjunctive);
                }
                case IN, NOT_IN -> {
                    SqlNode values = call.operand(1);
                    String op = call.getKind() == SqlKind.IN ? "IN" : "NOT IN";
                    if (values instanceof SqlNodeList && isValue(values))
                        add(call.operand(0), op, ((SqlNodeList)values).getList(), scope, disjunctive);
                    else {
                        add(call.operand(0), op, List.of(), scope, disjunctive);
                        subqueries(values, scope);
                    }
                }
                case LIKE -> {
                    String op = ((SqlLikeOperator)call.getOperator()).isNegated() ? "NOT LIKE" : "LIKE";
                    if (isValue(call.operand(1)))
                        add(call.operand(0), op, List.of(call.operand(1)), scope, disjunctive);
                }
                case IS_NULL, IS_NOT_NULL ->
                    add(call.operand(0), call.getKind() == SqlKind.IS_NULL ? "IS NULL" : "IS NOT NULL", List.of(),
                        scope, disjunctive);
                default -> subqueries(call, scope);
            }
        }

        void comparison(SqlCall call, Scope scope, boolean disjunctive) {
            SqlNode left = call.operand(0);
            SqlNode right = call.operand(1);
            String op = call.getOperator().getName();

            if (isValue(right) && hasColumn(left))
                add(left, op, List.of(right), scope, disjunctive);
            else if (isValue(left) && hasColumn(right))
                add(right, flip(op), List.of(left), scope, disjunctive);
            else {
                subqueries(left, scope);
                subqueries(right, scope);
            }
        }

        void add(SqlNode expr, String op, List<SqlNode> values, Scope scope, boolean disjunctive) {
            if (!hasColumn(expr) || containsQuery(expr))
                return;

            List<SqlIdentifier> ids = new ArrayList<>();
            identifiers(expr, ids);

            List<String> columns = new ArrayList<>();
            Set<String> owners = new LinkedHashSet<>();
            for (SqlIdentifier id : ids) {
                String column = lastName(id);
                if (!columns.contains(column))
                    columns.add(column);
                owners.add(ownerOf(id, scope));
            }

            String table = owners.size() == 1 ? owners.iterator().next() : null;
            List<Integer> placeholders = new ArrayList<>();
            values.forEach(v -> placeholders(v, placeholders));

            predicates.add(new Predicate(table, SqlPrinter.printUnqualified(expr), columns, op, placeholders,
                disjunctive));
        }

        /** @return the table that column {@code id} belongs to, or {@code null} if that cannot be told */
        String ownerOf(SqlIdentifier id, Scope scope) {
            if (id.names.size() > 1)
                return scope.tableOf(id.names.get(id.names.size() - 2));

            List<String> inScope = scope.tables();
            if (inScope.size() == 1 && !scope.aliases.containsValue(null))
                return inScope.get(0);

            String owner = null;
            for (String table : inScope) {
                if (table != null && tableColumns.has(table, id.getSimple())) {
                    if (owner != null)
                        return null;
                    owner = table;
                }
            }
            return owner;
        }

        void subqueries(SqlNode node, Scope scope) {
            if (node == null)
                return;
            if (node.isA(SqlKind.QUERY)) {
                statement(node, scope);
                return;
            }
            if (node instanceof SqlCall) {
                for (SqlNode operand : ((SqlCall)node).getOperandList())
                    subqueries(operand, scope);
            }
            else if (node instanceof SqlNodeList) {
                for (SqlNode item : (SqlNodeList)node)
                    subqueries(item, scope);
            }
        }
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static SqlNode stripAlias(SqlNode item) {
        return item.getKind() == SqlKind.AS ? ((SqlCall)item).operand(0) : item;
    }

    private static String tableName(SqlIdentifier id) {
        return String.join(".", id.names);
    }

    private static String lastName(SqlIdentifier id) {
        return id.names.get(id.names.size() - 1);
    }

    /** @return whether {@code node} holds only values: literals, parameters, and calls over them */
    private static boolean isValue(SqlNode node) {
        if (node instanceof SqlLiteral || node instanceof SqlDynamicParam)
            return true;
        if (node instanceof SqlNodeList)
            return ((SqlNodeList)node).getList().stream().allMatch(StatementAnalyzer::isValue);
        if (node instanceof SqlCall && !node.isA(SqlKind.QUERY)) {
            return ((SqlCall)node).getOperandList().stream()
                .allMatch(op -> op == null || !(op instanceof SqlIdentifier) && (isValue(op) || !hasColumn(op)));
        }
        return false;
    }

    /** @return whether {@code node} reads a column, outside any subquery */
    static boolean hasColumn(SqlNode node) {
        List<SqlIdentifier> ids = new ArrayList<>();
        identifiers(node, ids);
        return !ids.isEmpty();
    }

    private static boolean containsQuery(SqlNode node) {
        if (node == null)
            return false;
        if (node.isA(SqlKind.QUERY))
            return true;
        if (node instanceof SqlCall)
            return ((SqlCall)node).getOperandList().stream().anyMatch(StatementAnalyzer::containsQuery);
        return false;
    }

    /** Collects the column references of an expression, not descending into subqueries. */
    private static void identifiers(SqlNode node, List<SqlIdentifier> out) {
        if (node instanceof SqlIdentifier) {
            if (!((SqlIdentifier)node).isStar())
                out.add((SqlIdentifier)node);
        }
        else if (node instanceof SqlCall && !node.isA(SqlKind.QUERY)) {
            for (SqlNode op : ((SqlCall)node).getOperandList())
                identifiers(op, out);
        }
        else if (node instanceof SqlNodeList) {
            for (SqlNode item : (SqlNodeList)node)
                identifiers(item, out);
        }
    }

    private static void placeholders(SqlNode node, List<Integer> out) {
        if (node instanceof SqlDynamicParam)
            out.add(((SqlDynamicParam)node).getIndex());
        else if (node instanceof SqlCall) {
            for (SqlNode op : ((SqlCall)node).getOperandList())
                placeholders(op, out);
        }
        else if (node instanceof SqlNodeList) {
            for (SqlNode item : (SqlNodeList)node)
                placeholders(item, out);
        }
    }
}
