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

package dev.autopilot.sql.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ignite.cache.QueryEntity;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * A SQL table Autopilot watches, with where each column lives in the cache entry: in the key object, as the key
 * itself, or in the value object.
 *
 * @param schema its SQL schema
 * @param table its name
 * @param cacheName the cache that holds it
 * @param columns column name to binary field name, in declaration order
 * @param types column name to Java type name
 * @param keyColumns columns stored in the key object
 * @param keyColumn the column that is the whole key, when the key is a single value; otherwise {@code null}
 * @param precision column name to the precision (DECIMAL) or length (VARCHAR) Ignite checks its values against, for
 *     the columns that declare one
 * @param scale column name to the DECIMAL scale Ignite checks its values against, for the columns that declare one
 */
public record ManagedTable(String schema, String table, String cacheName, Map<String, String> columns,
    Map<String, String> types, Set<String> keyColumns, String keyColumn, Map<String, Integer> precision,
    Map<String, Integer> scale) {

    /** A table whose columns declare no precision, scale or length. */
    public ManagedTable(String schema, String table, String cacheName, Map<String, String> columns,
        Map<String, String> types, Set<String> keyColumns, String keyColumn) {
        this(schema, table, cacheName, columns, types, keyColumns, keyColumn, Map.of(), Map.of());
    }

    /** @return {@code SCHEMA.TABLE} */
    public String qualifiedName() {
        return schema + '.' + table;
    }

    /** @return the tables a cache configuration defines, in the schema it puts them */
    static List<ManagedTable> of(CacheConfiguration<?, ?> cfg) {
        List<ManagedTable> out = new ArrayList<>();
        String schema = sqlName(cfg.getSqlSchema() != null ? cfg.getSqlSchema() : cfg.getName());
        for (QueryEntity e : cfg.getQueryEntities()) {
            String table = e.getTableName() != null ? e.getTableName()
                : e.getValueType().substring(e.getValueType().lastIndexOf('.') + 1).toUpperCase();
            Map<String, String> columns = new LinkedHashMap<>();
            Map<String, String> types = new LinkedHashMap<>();
            Map<String, Integer> precision = new HashMap<>();
            Map<String, Integer> scale = new HashMap<>();
            for (Map.Entry<String, String> f : e.getFields().entrySet()) {
                String column = e.getAliases().getOrDefault(f.getKey(), f.getKey()).toUpperCase();
                columns.put(column, f.getKey());
                types.put(column, f.getValue());
                copy(e.getFieldsPrecision(), f.getKey(), precision, column);
                copy(e.getFieldsScale(), f.getKey(), scale, column);
            }
            Set<String> keyFields = e.getKeyFields() == null ? Set.of() : e.getKeyFields();
            String keyColumn = e.getKeyFieldName() == null ? null
                : e.getAliases().getOrDefault(e.getKeyFieldName(), e.getKeyFieldName()).toUpperCase();
            out.add(new ManagedTable(schema, table.toUpperCase(), cfg.getName(), columns, types, keyFields,
                keyColumn, precision, scale));
        }
        return out;
    }

    /** Copies a field's precision or scale, which the query entity keys by field name, under its column's name. */
    private static void copy(Map<String, Integer> byField, String field, Map<String, Integer> out, String column) {
        Integer v = byField == null ? null : byField.get(field);
        if (v != null && v >= 0)
            out.put(column, v);
    }

    /** @return a schema name as SQL resolves it: quoted names keep their case, others are upper-cased */
    private static String sqlName(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
            ? name.substring(1, name.length() - 1) : name.toUpperCase();
    }
}
