package dev.autopilot.adaptation.apply;

import java.util.List;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;

/** The DDL statements the layout steps run on a table, with its names quoted. */
final class Ddl {
    private final Ignite ignite;

    Ddl(Ignite ignite) {
        this.ignite = ignite;
    }

    void addColumn(TableSchema t, String column, String type) {
        run(t, "ALTER TABLE " + qualified(t) + " ADD COLUMN IF NOT EXISTS " + quote(column) + ' ' + type);
    }

    void dropColumn(TableSchema t, String column) {
        run(t, "ALTER TABLE " + qualified(t) + " DROP COLUMN IF EXISTS " + quote(column));
    }

    /** @param parallel threads each node builds the index with */
    void createIndex(TableSchema t, String index, List<String> columns, int parallel) {
        run(t, "CREATE INDEX IF NOT EXISTS " + quote(index) + " ON " + qualified(t) + " ("
            + String.join(", ", columns.stream().map(Ddl::quote).toList()) + ") PARALLEL " + parallel);
    }

    void dropIndex(TableSchema t, String index) {
        run(t, "DROP INDEX IF EXISTS " + quote(schemaAndTable(t)[0]) + '.' + quote(index));
    }

    private void run(TableSchema t, String sql) {
        ignite.cache(t.cacheName()).query(new SqlFieldsQuery(sql)).getAll();
    }

    static String qualified(TableSchema t) {
        String[] st = schemaAndTable(t);
        return quote(st[0]) + '.' + quote(st[1]);
    }

    static String[] schemaAndTable(TableSchema t) {
        int dot = t.table().indexOf('.');
        return new String[] {t.table().substring(0, dot), t.table().substring(dot + 1)};
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
