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

package dev.autopilot.sql.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.sql.stats.ManagedTable;

/**
 * What the profile generator must know of one managed table besides its statistics: its columns and their types,
 * its primary key and the indexes it already has. Expressions are checked against it, and index candidates that an
 * existing index already serves are dropped because of it.
 *
 * @param table {@code SCHEMA.TABLE}
 * @param cacheName the cache that holds it: the partition a profile is for
 * @param columns column name (upper case) to type, in declaration order
 * @param primaryKey the primary key columns, in key order; empty when the key is hidden
 * @param indexes the columns of every existing secondary index, in index order
 */
public record TableSchema(String table, String cacheName, Map<String, ColumnType> columns, List<String> primaryKey,
    List<List<String>> indexes) {
    public TableSchema {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        primaryKey = List.copyOf(primaryKey);
        indexes = indexes.stream().map(List::copyOf).toList();
    }

    /**
     * @param t a managed table
     * @param indexes the columns of its secondary indexes
     * @return its schema
     */
    public static TableSchema of(ManagedTable t, List<List<String>> indexes) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        t.types().forEach((c, javaType) -> columns.put(c, ColumnType.ofJava(javaType,
            t.precision().getOrDefault(c, -1), t.scale().getOrDefault(c, -1))));
        List<String> key = new ArrayList<>();
        if (t.keyColumn() != null)
            key.add(t.keyColumn());
        else {
            t.columns().forEach((column, field) -> {
                if (t.keyColumns().contains(field))
                    key.add(column);
            });
        }
        return new TableSchema(t.qualifiedName(), t.cacheName(), columns, key, indexes);
    }

    /** @return the table name without its schema */
    public String simpleName() {
        return table.substring(table.lastIndexOf('.') + 1);
    }

    /** @return the type of {@code column}, or {@code null} when the table has no such column */
    public ColumnType type(String column) {
        return columns.get(column);
    }

    /** @return the primary key followed by the secondary indexes: every column list an index already orders by */
    public List<List<String>> existingIndexes() {
        List<List<String>> out = new ArrayList<>();
        if (!primaryKey.isEmpty())
            out.add(primaryKey);
        out.addAll(indexes);
        return out;
    }
}
