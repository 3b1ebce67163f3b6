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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The DML and DDL half of the grammar, over the managed tables:
 * <pre>
 * dml := INSERT INTO t [(cols)] VALUES row, ... | INSERT INTO t (cols) SELECT ... FROM t|u WHERE key range [AND pred]
 *      | UPDATE t [[AS] a] SET col = expr, ... [WHERE pred] | DELETE FROM t WHERE key &gt;= first free key [AND pred]
 *      | MERGE INTO t USING (SELECT ... FROM TABLE(SYSTEM_RANGE(..))) s ON t.id = s.id
 *          WHEN MATCHED THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT (cols) VALUES (s.cols)
 * ddl := CREATE [OR REPLACE] VIEW v AS query | DROP VIEW v | ALTER TABLE t ADD COLUMN c type
 *      | ALTER TABLE t DROP COLUMN c (one a user added) | DROP TABLE W; CREATE TABLE W ...; INSERT INTO W ...
 * </pre>
 * Keys of new rows are fresh, so that inserts succeed; deletes take only rows the run inserted, so that the first rows
 * stay and the tables stay small.
 */
final class ChangeGrammar {
    private static final int MAX_ADDED_COLUMNS = 3;
    private static final int MAX_VIEWS = 6;

    private final Catalog catalog;
    private final QueryGrammar queries;
    private final ExpressionGrammar ex;
    private final Random rnd;
    private final boolean tableDdl;
    private final Deque<Statement> queued = new ArrayDeque<>();
    private int added;

    /** @param tableDdl whether to drop and create table W again now and then */
    ChangeGrammar(Catalog catalog, QueryGrammar queries, Random rnd, boolean tableDdl) {
        this.catalog = catalog;
        this.queries = queries;
        this.ex = queries.expressions();
        this.rnd = rnd;
        this.tableDdl = tableDdl;
    }

    /** @return the rest of a sequence of statements begun earlier, or {@code null} */
    Statement queued() {
        return queued.poll();
    }

    Statement dml() {
        List<String> tables = new ArrayList<>(catalog.tables().keySet());
        String t = tables.get(rnd.nextInt(tables.size()));
        return Statement.of(switch (rnd.nextInt(6)) {
            case 0 -> insertValues(t);
            case 1 -> insertSelect(t);
            case 2, 3 -> update(t);
            case 4 -> delete(t);
            default -> merge(t);
        });
    }

    Statement ddl() {
        List<String> tables = new ArrayList<>(catalog.tables().keySet());
        String t = tables.get(rnd.nextInt(tables.size()));
        int r = rnd.nextInt(10);
        if (r < 4)
            return view();
        if (r == 4 && !catalog.views().isEmpty()) {
            String v = new ArrayList<>(catalog.views().keySet()).get(rnd.nextInt(catalog.views().size()));
            return new Statement("DROP VIEW " + v, false, () -> catalog.dropView(v));
        }
        if (r < 8 && added < MAX_ADDED_COLUMNS) {
            Kind kind = ex.kind();
            String name = catalog.freshName("X");
            String type = kind == Kind.NUM ? ex.pick("INT", "DECIMAL(10, 2)", "BIGINT") : kind == Kind.STR ? "VARCHAR"
                : "DATE";
            return new Statement("ALTER TABLE " + t + " ADD COLUMN " + name + ' ' + type, false, () -> {
                catalog.addColumn(t, Column.of(name, kind));
                added++;
            });
        }
        List<Column> userAdded = catalog.tables().get(t).stream().filter(c -> c.name().startsWith("X")).toList();
        if (r < 9 && !userAdded.isEmpty()) {
            String c = userAdded.get(rnd.nextInt(userAdded.size())).name();
            return new Statement("ALTER TABLE " + t + " DROP COLUMN " + c, false, () -> {
                catalog.dropColumn(t, c);
                added--;
            });
        }
        if (tableDdl && catalog.tables().containsKey("W")) {
            queued.add(new Statement(ManagedSchema.create("W"), false, () -> catalog.createTable("W")));
            ManagedSchema.load("W", 40, rnd).forEach(sql -> queued.add(Statement.of(sql)));
            return new Statement("DROP TABLE W", false, () -> catalog.dropTable("W"));
        }
        return view();
    }

    private Statement view() {
        String name = catalog.views().size() < MAX_VIEWS ? catalog.freshName("V")
            : new ArrayList<>(catalog.views().keySet()).get(rnd.nextInt(catalog.views().size()));
        QueryGrammar.Query q = queries.named(new QueryGrammar.Context(), 2);
        String create = catalog.views().containsKey(name) || rnd.nextInt(4) == 0 ? "CREATE OR REPLACE VIEW "
            : "CREATE VIEW ";
        return new Statement(create + name + " AS " + q.sql(), false,
            () -> catalog.putView(name, new Relation(name, q.columns(), q.table())));
    }

    private String insertValues(String t) {
        List<Column> cols = catalog.tables().get(t);
        boolean all = rnd.nextBoolean();
        List<Column> chosen = all ? cols : subset(cols);
        int rows = rnd.nextInt(3) + 1;
        int key = catalog.reserveKeys(rows);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<String> v = new ArrayList<>();
            v.add(String.valueOf(key + i));
            for (Column c : chosen.subList(1, chosen.size()))
                v.add(value(c));
            values.add('(' + String.join(", ", v) + ')');
        }
        return "INSERT INTO " + t + (all ? "" : " (" + names(chosen) + ')') + " VALUES " + String.join(", ", values);
    }

    private String insertSelect(String t) {
        List<Column> cols = subset(catalog.tables().get(t));
        int first = rnd.nextInt(300);
        int key = catalog.reserveKeys(6);
        QueryGrammar.Context cx = new QueryGrammar.Context();
        Scope s = new Scope(null);
        String alias = cx.alias();
        s.add(new Relation(alias, catalog.tables().get(t), t));
        List<String> items = new ArrayList<>();
        items.add(alias + '.' + cols.get(0).name() + " - " + first + " + " + key);
        for (Column c : cols.subList(1, cols.size()))
            items.add(rnd.nextInt(3) == 0 ? ex.expr(cx, s, c.kind(), 1).sql() : alias + '.' + c.name());
        String where = " WHERE " + alias + '.' + cols.get(0).name() + " BETWEEN " + first + " AND " + (first + 5)
            + (rnd.nextBoolean() ? " AND " + ex.predicate(cx, s, 1) : "");
        return "INSERT INTO " + t + " (" + names(cols) + ") SELECT " + String.join(", ", items) + " FROM " + t + ' '
            + alias + where;
    }

    private String update(String t) {
        List<Column> cols = catalog.tables().get(t);
        QueryGrammar.Context cx = new QueryGrammar.Context();
        Scope s = new Scope(null);
        boolean aliased = rnd.nextBoolean();
        String alias = aliased ? cx.alias() : t;
        s.add(new Relation(alias, cols, t));
        List<String> sets = new ArrayList<>();
        List<Column> targets = subset(cols);
        for (Column c : targets.subList(1, Math.min(targets.size(), 4))) {
            sets.add(c.name() + " = " + (c.kind() == Kind.NUM && rnd.nextBoolean()
                ? "MOD(" + ex.number(cx, s, 1).sql() + ", 1000)" : ex.expr(cx, s, c.kind(), 1).sql()));
        }
        if (sets.isEmpty())
            sets.add(cols.get(1).name() + " = " + value(cols.get(1)));
        return "UPDATE " + t + (aliased ? (rnd.nextBoolean() ? " AS " : " ") + alias : "") + " SET "
            + String.join(", ", sets) + (rnd.nextInt(5) == 0 ? "" : " WHERE " + ex.predicate(cx, s, 2));
    }

    private String delete(String t) {
        String key = catalog.tables().get(t).get(0).name();
        QueryGrammar.Context cx = new QueryGrammar.Context();
        Scope s = new Scope(null);
        s.add(new Relation(t, catalog.tables().get(t), t));
        return "DELETE FROM " + t + " WHERE " + key + " >= " + Catalog.FIRST_FREE_KEY
            + (rnd.nextBoolean() ? " AND " + ex.predicate(cx, s, 2) : "");
    }

    private String merge(String t) {
        List<Column> cols = subset(catalog.tables().get(t));
        String key = cols.get(0).name();
        int first = Math.max(Catalog.FIRST_FREE_KEY, catalog.nextKey() - rnd.nextInt(8));
        catalog.reserveKeys(Math.max(0, first + 4 - catalog.nextKey()));
        List<String> items = new ArrayList<>();
        items.add("CAST(X AS INT) AS " + key);
        for (Column c : cols.subList(1, cols.size()))
            items.add(typedValue(c) + " AS " + c.name());
        List<String> sets = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        for (Column c : cols.subList(1, cols.size()))
            sets.add(c.name() + " = src." + c.name());
        for (Column c : cols)
            inserted.add("src." + c.name());
        String matched = sets.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + String.join(", ", sets);
        return "MERGE INTO " + t + " dst USING (SELECT " + String.join(", ", items) + " FROM TABLE(SYSTEM_RANGE("
            + first + ", " + (first + 3) + "))) src ON dst." + key + " = src." + key + matched
            + " WHEN NOT MATCHED THEN INSERT (" + names(cols) + ") VALUES (" + String.join(", ", inserted) + ')';
    }

    /** @return the key and some other columns, in table order */
    private List<Column> subset(List<Column> cols) {
        List<Column> out = new ArrayList<>();
        out.add(cols.get(0));
        for (Column c : cols.subList(1, cols.size())) {
            if (rnd.nextInt(3) != 0)
                out.add(c);
        }
        return out;
    }

    private String value(Column c) {
        return rnd.nextInt(10) == 0 ? "NULL" : switch (c.kind()) {
            case NUM -> String.valueOf(rnd.nextInt(600) - 300);
            case STR -> "'s" + rnd.nextInt(5) + '\'';
            case DATE -> ex.literal(Kind.DATE).sql();
        };
    }

    /** @return a value of {@code c}, a NULL with a type that a select list can carry */
    private String typedValue(Column c) {
        String v = value(c);
        return !v.equals("NULL") ? v : c.kind() == Kind.NUM ? "CAST(NULL AS INT)"
            : c.kind() == Kind.STR ? "CAST(NULL AS VARCHAR)" : "CAST(NULL AS DATE)";
    }

    private static String names(List<Column> cols) {
        return String.join(", ", cols.stream().map(Column::name).toList());
    }
}
