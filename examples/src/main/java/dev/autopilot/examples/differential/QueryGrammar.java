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


package dev.autopilot.examples.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The query half of the grammar:
 * <pre>
 * query  := select | query (UNION [ALL] | INTERSECT | EXCEPT) query | WITH name [(cols)] AS (query), ... query
 * select := SELECT [DISTINCT] items FROM from [WHERE pred] [GROUP BY expr|alias|ordinal, ... [HAVING pred]]
 *           [ORDER BY ordinal|alias|expr [DESC] ... [LIMIT n [OFFSET m]]]
 * items  := * | q.* | expr [AS alias], ...            (aggregates and group keys when grouped)
 * from   := item [[INNER|LEFT|RIGHT|FULL] JOIN item ON q.c = q.c [AND pred] | CROSS JOIN TABLE(SYSTEM_RANGE(..))]
 * item   := [PUBLIC.]table [[AS] alias] | view [alias] | cte [alias] | (query) [[AS] alias]
 *         | TABLE(SYSTEM_RANGE(a, b)) [AS alias]
 * </pre>
 * CTEs are sometimes named after a managed table, so that they shadow it, and then often project its columns under
 * their own names; derived tables and views do the same, so that the table's derived expressions are written over
 * relations that are not the table. Depth bounds nesting. A query that a CTE, derived table or view names has an
 * alias for every column (or one relation's star), so that its columns are known and unique.
 */
final class QueryGrammar {
    /**
     * A generated query.
     *
     * @param sql its text
     * @param columns its columns
     * @param ordered whether its ORDER BY fixes the order of its rows
     * @param table the managed table it projects under the table's column names (see {@link Relation#table}), or
     *     {@code null}
     */
    record Query(String sql, List<Column> columns, boolean ordered, String table) {
        Query(String sql, List<Column> columns, boolean ordered) {
            this(sql, columns, ordered, null);
        }
    }

    /** What a part of one statement sees: the CTEs in force, and the statement's alias counter. */
    static final class Context {
        private final Map<String, Relation> ctes;
        private final int[] names;

        Context() {
            this(Map.of(), new int[1]);
        }

        private Context(Map<String, Relation> ctes, int[] names) {
            this.ctes = ctes;
            this.names = names;
        }

        Context with(String name, Relation cte) {
            Map<String, Relation> m = new LinkedHashMap<>(ctes);
            m.put(name, cte);
            return new Context(m, names);
        }

        /** @return a table alias no relation of the statement has */
        String alias() {
            return "t" + ++names[0];
        }

        /** @return a column alias unlike any column name of the schema */
        String columnAlias() {
            return "E" + ++names[0];
        }
    }

    private final Catalog catalog;
    private final Random rnd;
    private final ExpressionGrammar ex;

    QueryGrammar(Catalog catalog, Random rnd) {
        this.catalog = catalog;
        this.rnd = rnd;
        this.ex = new ExpressionGrammar(rnd, this);
    }

    ExpressionGrammar expressions() {
        return ex;
    }

    /** @return a statement's query, ordered at the top now and then */
    Query top() {
        return query(new Context(), null, 2, false, true);
    }

    /** @return a query whose columns all have names, for a view, a CTE or a derived table */
    Query named(Context cx, int depth) {
        if (rnd.nextInt(3) == 0) {
            List<String> tables = new ArrayList<>(catalog.tables().keySet());
            return projection(cx, tables.get(rnd.nextInt(tables.size())), depth);
        }
        return query(cx, null, depth, true, false);
    }

    /**
     * @param shape the categories of the columns wanted, or {@code null} for any
     * @param named whether every column must have a known, unique name
     * @param top whether the query is a statement's (and may be ordered)
     */
    Query query(Context cx, List<Kind> shape, int depth, boolean named, boolean top) {
        int r = rnd.nextInt(10);
        if (depth > 1 && r < 1)
            return with(cx, shape, depth, named, top);
        if (depth > 0 && r < 2)
            return setOperation(cx, shape, depth, named, top);
        return select(cx, null, shape, depth, named, top);
    }

    /** @return {@code SELECT *|columns FROM table [WHERE pred]}: a relation with the table's values under its names */
    Query projection(Context cx, String table, int depth) {
        Scope s = new Scope(null);
        String from = tableItem(cx, s, table, false);
        Relation r = s.relations().get(0);
        List<Column> cols = r.columns();
        String items = "*";
        if (rnd.nextBoolean()) {
            cols = cols.stream().filter(c -> rnd.nextInt(4) != 0).toList();
            if (cols.isEmpty())
                cols = List.of(r.columns().get(0));
            items = String.join(", ", cols.stream().map(c -> ex.reference(s, r, c.name())).toList());
        }
        String where = rnd.nextBoolean() ? " WHERE " + ex.predicate(cx, s, depth) : "";
        return new Query("SELECT " + items + " FROM " + from + where, cols, false, table);
    }

    private Query with(Context cx, List<Kind> shape, int depth, boolean named, boolean top) {
        StringBuilder sql = new StringBuilder("WITH ");
        Context inner = cx;
        for (int i = rnd.nextInt(2); i >= 0; i--) {
            List<String> tables = new ArrayList<>(catalog.tables().keySet());
            boolean shadow = rnd.nextInt(3) == 0;
            String name = shadow ? tables.get(rnd.nextInt(tables.size())) : catalog.freshName("CTE");
            Relation cte;
            String body;
            String columnList = "";
            if (shadow && rnd.nextBoolean()) {
                Query p = projection(inner, name, depth - 1);
                cte = new Relation(name, p.columns(), name);
                body = p.sql();
            }
            else {
                Query q = named(inner, depth - 1);
                List<Column> cols = q.columns();
                if (rnd.nextInt(3) == 0) {
                    Context names = inner;
                    cols = cols.stream().map(c -> new Column(names.columnAlias(), c.kind(), c.inexact())).toList();
                    columnList = " (" + String.join(", ", cols.stream().map(Column::name).toList()) + ')';
                }
                cte = new Relation(name, cols, null);
                body = q.sql();
            }
            sql.append(sql.length() > 5 ? ", " : "").append(name).append(columnList).append(" AS (").append(body)
                .append(')');
            inner = inner.with(name, cte);
        }
        Query body = rnd.nextInt(4) == 0 && depth > 1 ? setOperation(inner, shape, depth - 1, named, top)
            : select(inner, null, shape, depth - 1, named, top);
        return new Query(sql + " " + body.sql(), body.columns(), body.ordered());
    }

    private Query setOperation(Context cx, List<Kind> shape, int depth, boolean named, boolean top) {
        List<Kind> kinds = shape;
        if (kinds == null) {
            kinds = new ArrayList<>();
            for (int i = rnd.nextInt(3); i >= 0; i--)
                kinds.add(ex.kind());
        }
        Query left = select(cx, null, kinds, depth - 1, named, false);
        Query right = select(cx, null, kinds, depth - 1, false, false);
        String op = ex.pick("UNION", "UNION ALL", "UNION ALL", "INTERSECT", "EXCEPT");
        String sql = rnd.nextBoolean() ? left.sql() + ' ' + op + ' ' + right.sql()
            : '(' + left.sql() + ") " + op + " (" + right.sql() + ')';
        if (top && rnd.nextBoolean()) {
            Ordering o = totalOrder(left.columns().size());
            return new Query(sql + o.sql, left.columns(), true);
        }
        return new Query(sql, left.columns(), false);
    }

    /** An ORDER BY (and maybe LIMIT) clause. */
    private record Ordering(String sql) {
    }

    /** @return ORDER BY every column by ordinal, which fixes the order: rows that tie are equal */
    private Ordering totalOrder(int columns) {
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (int i = 1; i <= columns; i++)
            sql.append(i == 1 ? "" : ", ").append(i).append(rnd.nextInt(3) == 0 ? " DESC" : "")
                .append(rnd.nextInt(6) == 0 ? ex.pick(" NULLS FIRST", " NULLS LAST") : "");
        if (rnd.nextInt(3) == 0)
            sql.append(" LIMIT ").append(rnd.nextInt(20) + 1).append(rnd.nextBoolean() ? " OFFSET " + rnd.nextInt(5)
                : "");
        return new Ordering(sql.toString());
    }

    /**
     * One item of a select list: an expression, which an ORDER BY or GROUP BY may repeat, with its column; or a star
     * with its columns.
     */
    private record Item(String sql, String expr, List<Column> columns, String alias) {
    }

    /**
     * @param outer the block a subquery is correlated with, or {@code null}
     */
    Query select(Context cx, Scope outer, List<Kind> shape, int depth, boolean named, boolean top) {
        Scope s = new Scope(outer);
        String from = from(cx, s, depth);
        boolean grouped = rnd.nextInt(4) == 0;
        List<Item> items = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        String having = "";
        int d = Math.max(0, depth - 1);
        if (grouped) {
            List<Expr> keys = new ArrayList<>();
            for (int i = rnd.nextInt(3); i > 0; i--)
                keys.add(ex.expr(cx, s, ex.kind(), 1));
            List<Kind> kinds = shape != null ? shape : randomShape();
            for (Kind k : kinds) {
                Expr key = keys.stream().filter(e -> e.kind() == k).findAny().orElse(null);
                Expr e = key != null && rnd.nextBoolean() ? key : aggregate(cx, s, k);
                items.add(item(cx, e, named || rnd.nextBoolean()));
            }
            for (Expr key : keys)
                groupBy.add(groupKey(key, items));
            if (!keys.isEmpty() && rnd.nextInt(3) == 0)
                having = " HAVING " + havingPredicate(cx, s);
        }
        else if (shape == null && rnd.nextInt(4) == 0 && (!named || s.relations().size() == 1)) {
            items.add(star(s, named));
            for (int i = named ? 0 : rnd.nextInt(2); i > 0; i--)
                items.add(item(cx, ex.expr(cx, s, ex.kind(), d + 1), rnd.nextBoolean()));
        }
        else {
            for (Kind k : shape != null ? shape : randomShape())
                items.add(item(cx, ex.expr(cx, s, k, d + 1), named || rnd.nextInt(3) != 0));
        }
        boolean distinct = rnd.nextInt(6) == 0;
        StringBuilder sql = new StringBuilder("SELECT ").append(distinct ? "DISTINCT " : "")
            .append(String.join(", ", items.stream().map(Item::sql).toList())).append(" FROM ").append(from);
        if (rnd.nextInt(3) != 0)
            sql.append(" WHERE ").append(ex.predicate(cx, s, Math.max(1, depth)));
        if (!groupBy.isEmpty())
            sql.append(" GROUP BY ").append(String.join(", ", groupBy)).append(having);
        else if (grouped && rnd.nextInt(4) == 0)
            sql.append(" HAVING ").append(havingPredicate(cx, s));
        List<Column> columns = items.stream().flatMap(it -> it.columns().stream()).toList();
        if (!top || rnd.nextInt(3) == 0)
            return new Query(sql.toString(), columns, false);
        if (rnd.nextBoolean())
            return new Query(sql + totalOrder(columns.size()).sql, columns, true);
        return new Query(sql + partialOrder(cx, s, items, grouped || distinct), columns, false);
    }

    /** @return ORDER BY one key: an ordinal, an alias or an expression, which leaves ties in any order */
    private String partialOrder(Context cx, Scope s, List<Item> items, boolean onlyItems) {
        int i = rnd.nextInt(items.size());
        Item item = items.get(i);
        int ordinal = 1 + items.subList(0, i).stream().mapToInt(it -> it.columns().size()).sum();
        String key = switch (rnd.nextInt(3)) {
            case 0 -> String.valueOf(ordinal);
            case 1 -> item.alias() != null ? item.alias() : String.valueOf(ordinal);
            default -> item.expr() != null ? item.expr()
                : onlyItems ? String.valueOf(ordinal) : ex.expr(cx, s, ex.kind(), 1).sql();
        };
        return " ORDER BY " + key + (rnd.nextBoolean() ? " DESC" : "");
    }

    private Item item(Context cx, Expr e, boolean aliased) {
        if (aliased) {
            String alias = cx.columnAlias();
            return new Item(e.sql() + (rnd.nextInt(4) == 0 ? " " : " AS ") + alias, e.sql(),
                List.of(new Column(alias, e.kind(), e.inexact())), alias);
        }
        String name = e.sql().matches("([A-Za-z0-9]+\\.)?[A-Za-z]+") ? e.sql().replaceAll(".*\\.", "").toUpperCase()
            : "?";
        return new Item(e.sql(), e.sql(), List.of(new Column(name, e.kind(), e.inexact())), null);
    }

    /** @return the item {@code *}, or {@code q.*} for one relation */
    private Item star(Scope s, boolean named) {
        List<Relation> qualified = s.relations().stream().filter(r -> r.qualifier() != null).toList();
        if (!qualified.isEmpty() && (named || rnd.nextBoolean())) {
            Relation r = qualified.get(rnd.nextInt(qualified.size()));
            return new Item(r.qualifier() + ".*", null, r.columns(), null);
        }
        List<Column> all = new ArrayList<>();
        s.relations().forEach(r -> all.addAll(r.columns()));
        return new Item("*", null, all, null);
    }

    private String groupKey(Expr key, List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (key.sql().equals(it.expr())) {
                int r = rnd.nextInt(3);
                if (r == 0)
                    return String.valueOf(i + 1);
                if (r == 1 && it.alias() != null)
                    return it.alias();
            }
        }
        return key.sql();
    }

    private Expr aggregate(Context cx, Scope s, Kind kind) {
        if (kind != Kind.NUM) {
            Expr e = ex.expr(cx, s, kind, 1);
            return new Expr(ex.pick("MIN", "MAX") + '(' + e.sql() + ')', kind, false);
        }
        Expr e = ex.number(cx, s, 1);
        return switch (rnd.nextInt(7)) {
            case 0 -> Expr.of("COUNT(*)", Kind.NUM);
            case 1 -> Expr.of("COUNT(" + (rnd.nextBoolean() ? "DISTINCT " : "") + e.sql() + ')', Kind.NUM);
            case 2, 3 -> e.inexact() ? Expr.of("COUNT(*)", Kind.NUM)
                : Expr.of(ex.pick("SUM", "AVG") + '(' + e.sql() + ')', Kind.NUM);
            default -> new Expr(ex.pick("MIN", "MAX") + '(' + e.sql() + ')', Kind.NUM, e.inexact());
        };
    }

    private String havingPredicate(Context cx, Scope s) {
        Expr agg = aggregate(cx, s, Kind.NUM);
        String p = agg.sql() + ' ' + ex.pick(">", "<", ">=", "=", "<>") + ' ' + ex.literal(Kind.NUM).sql();
        return rnd.nextInt(3) == 0 ? p + " AND COUNT(*) > " + rnd.nextInt(3) : p;
    }

    private List<Kind> randomShape() {
        List<Kind> kinds = new ArrayList<>();
        for (int i = rnd.nextInt(3); i >= 0; i--)
            kinds.add(ex.kind());
        return kinds;
    }

    /** Writes a FROM clause, adding its relations to {@code s}. */
    private String from(Context cx, Scope s, int depth) {
        String sql = item(cx, s, depth);
        if (depth < 2 || rnd.nextInt(8) != 0)
            return sql;
        if (rnd.nextInt(8) == 0)
            return sql + " CROSS JOIN " + systemRange(cx, s, true);
        int leftSize = s.relations().size();
        String type = ex.pick("JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN", "RIGHT JOIN", "FULL JOIN");
        String right = item(cx, s, depth - 1);
        List<Relation> rels = s.relations();
        List<Scope.Ref> left = new ArrayList<>();
        for (Relation r : rels.subList(0, leftSize)) {
            for (Column c : r.columns()) {
                if (c.kind() == Kind.NUM && (r.qualifier() != null || s.unique(c.name())))
                    left.add(new Scope.Ref(r, c, false));
            }
        }
        Relation rr = rels.get(rels.size() - 1);
        List<Column> rightNums = rr.columns().stream().filter(c -> c.kind() == Kind.NUM
            && (rr.qualifier() != null || s.unique(c.name()))).toList();
        String on;
        if (left.isEmpty() || rightNums.isEmpty())
            on = "1 = 1";
        else {
            Scope.Ref l = left.get(rnd.nextInt(left.size()));
            on = ex.reference(s, l.relation(), l.column().name()) + " = "
                + ex.reference(s, rr, rightNums.get(rnd.nextInt(rightNums.size())).name());
        }
        if (rnd.nextInt(4) == 0)
            on += " AND " + ex.predicate(cx, s, 0);
        return sql + ' ' + type + ' ' + right + " ON " + on;
    }

    /** Writes one FROM item, adding its relation to {@code s}. */
    private String item(Context cx, Scope s, int depth) {
        int r = rnd.nextInt(24);
        if (r == 5 && !catalog.views().isEmpty()) {
            List<Relation> views = new ArrayList<>(catalog.views().values());
            Relation v = views.get(rnd.nextInt(views.size()));
            return named(cx, s, v.qualifier(), v);
        }
        if ((r == 6 || r == 10 || r == 11) && !cx.ctes.isEmpty()) {
            List<String> names = new ArrayList<>(cx.ctes.keySet());
            String name = names.get(rnd.nextInt(names.size()));
            return named(cx, s, name, cx.ctes.get(name));
        }
        if ((r == 7 || r == 8) && depth > 1) {
            Query q = named(cx, depth - 1);
            boolean aliased = rnd.nextInt(4) != 0;
            String alias = aliased ? cx.alias() : null;
            Relation rel = new Relation(alias, q.columns(), q.table());
            s.add(rel);
            return '(' + q.sql() + ')' + (aliased ? (rnd.nextBoolean() ? " AS " : " ") + alias : "");
        }
        if (r == 9)
            return systemRange(cx, s, rnd.nextBoolean());
        List<String> tables = new ArrayList<>(catalog.tables().keySet());
        return tableItem(cx, s, tables.get(rnd.nextInt(tables.size())), true);
    }

    /** Writes a reference to a managed table, or to the CTE that shadows its name. */
    private String tableItem(Context cx, Scope s, String table, boolean mayShadow) {
        if (mayShadow && cx.ctes.containsKey(table))
            return named(cx, s, table, cx.ctes.get(table));
        String written = ex.pick(table, table, table.toLowerCase(), "PUBLIC." + table);
        boolean taken = s.relations().stream().anyMatch(r -> table.equals(r.qualifier()));
        if (taken || rnd.nextInt(3) != 0) {
            String alias = cx.alias();
            s.add(new Relation(alias, catalog.tables().get(table), table));
            return written + (rnd.nextBoolean() ? " AS " : " ") + alias;
        }
        s.add(new Relation(table, catalog.tables().get(table), table));
        return written;
    }

    /** Writes a reference to a view or CTE named {@code name}, aliased now and then. */
    private String named(Context cx, Scope s, String name, Relation r) {
        boolean taken = s.relations().stream().anyMatch(x -> name.equals(x.qualifier()));
        if (taken || rnd.nextBoolean()) {
            String alias = cx.alias();
            s.add(r.as(alias));
            return name + ' ' + alias;
        }
        s.add(r.as(name));
        return name;
    }

    private String systemRange(Context cx, Scope s, boolean aliased) {
        int from = rnd.nextInt(20) - 5;
        String sql = "TABLE(SYSTEM_RANGE(" + from + ", " + (from + rnd.nextInt(8)) + "))";
        String alias = aliased ? cx.alias() : null;
        s.add(new Relation(alias, List.of(Column.of("X", Kind.NUM)), null));
        return aliased ? sql + " AS " + alias : sql;
    }

    /** @return {@code SELECT agg FROM item WHERE <correlation> [AND pred]}, a number, or a column at depth 0 */
    Expr scalarSubquery(Context cx, Scope outer, int depth) {
        if (depth <= 0)
            return ex.columnOr(outer, Kind.NUM, false);
        Scope s = new Scope(outer);
        String from = item(cx, s, 0);
        Expr agg = aggregate(cx, s, Kind.NUM);
        return new Expr("(SELECT " + agg.sql() + " FROM " + from + " WHERE " + correlation(cx, s) + ')', Kind.NUM,
            agg.inexact());
    }

    /** @return {@code SELECT expr FROM item [WHERE pred]} of one column of {@code kind}, correlated now and then */
    String columnSubquery(Context cx, Scope outer, Kind kind, int depth) {
        Scope s = new Scope(outer);
        String from = item(cx, s, 0);
        String where = rnd.nextBoolean() ? " WHERE " + correlation(cx, s) : "";
        return "SELECT " + ex.expr(cx, s, kind, 1).sql() + " FROM " + from + where;
    }

    /** @return {@code SELECT 1 FROM item WHERE <correlation>} */
    String existsSubquery(Context cx, Scope outer, int depth) {
        Scope s = new Scope(outer);
        String from = item(cx, s, 0);
        return "SELECT " + ex.pick("1", "*") + " FROM " + from + " WHERE " + correlation(cx, s);
    }

    /** @return an equality of a column of {@code s} and one of the block around it, and maybe a predicate */
    private String correlation(Context cx, Scope s) {
        List<Scope.Ref> inner = s.refs(Kind.NUM, false);
        List<Scope.Ref> outer = s.refs(Kind.NUM, true).stream().filter(Scope.Ref::outer).toList();
        String p = inner.isEmpty() || outer.isEmpty() ? ex.predicate(cx, s, 1) : ref(s, inner) + " = " + ref(s, outer);
        return rnd.nextInt(3) == 0 ? p + " AND " + ex.predicate(cx, s, 1) : p;
    }

    private String ref(Scope s, List<Scope.Ref> refs) {
        Scope.Ref r = refs.get(rnd.nextInt(refs.size()));
        return r.outer() ? r.relation().qualifier() + '.' + r.column().name()
            : ex.reference(s, r.relation(), r.column().name());
    }
}
