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

package dev.autopilot.adaptation.apply;

import java.util.List;
import java.util.Map;
import dev.autopilot.sql.capture.OwnStatements;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;

/**
 * The DDL statements the layout steps run on a table, with its names quoted. Columns are added and dropped in one
 * statement each time: every column change is a schema change that statements planned before it can trip over
 * (Ignite's {@code Index n out of bounds} race), so one change is better than several.
 */
final class Ddl {
    private final Ignite ignite;

    Ddl(Ignite ignite) {
        this.ignite = ignite;
    }

    /** @param columns name and SQL type of each column; those that exist already are left as they are */
    void addColumns(TableSchema t, Map<String, String> columns) {
        if (columns.isEmpty())
            return;
        run(t, "ALTER TABLE " + qualified(t) + " ADD COLUMN IF NOT EXISTS (" + String.join(", ", columns.entrySet()
            .stream().map(c -> quote(c.getKey()) + ' ' + c.getValue()).toList()) + ')');
    }

    /** @param columns names of the columns to drop; those that do not exist are skipped */
    void dropColumns(TableSchema t, List<String> columns) {
        if (columns.isEmpty())
            return;
        run(t, "ALTER TABLE " + qualified(t) + " DROP COLUMN IF EXISTS ("
            + String.join(", ", columns.stream().map(Ddl::quote).toList()) + ')');
    }

    /** @param parallel threads each node builds the index with */
    void createIndex(TableSchema t, String index, List<String> columns, int parallel) {
        run(t, "CREATE INDEX IF NOT EXISTS " + quote(index) + " ON " + qualified(t) + " ("
            + String.join(", ", columns.stream().map(Ddl::quote).toList()) + ") PARALLEL " + parallel);
    }

    void dropIndex(TableSchema t, String index) {
        run(t, "DROP INDEX IF EXISTS " + quote(schemaAndTable(t)[0]) + '.' + quote(index));
    }

    /** Runs {@code sql} marked as Autopilot's own, so that capture does not count it as the table's workload. */
    private void run(TableSchema t, String sql) {
        ignite.cache(t.cacheName()).query(new SqlFieldsQuery(OwnStatements.mark(sql))).getAll();
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
