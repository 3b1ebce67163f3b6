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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.schema.TypeName;
import org.apache.ignite.cache.QueryEntity;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The schema of a managed table carries the SQL types Ignite holds its values to, precision and scale included, as
 * {@code CREATE TABLE} records them in the table's query entity; a size the entity leaves out stays unknown.
 */
class ManagedTableSchemaTest {
    @Test
    void columnTypesCarryTheSizesIgniteChecks() {
        TableSchema s = schema();
        assertEquals(ColumnType.parse("DECIMAL(15, 2)"), s.type("L_QUANTITY"));
        assertEquals(ColumnType.parse("DECIMAL(10, 0)"), s.type("L_WHOLE"));
        assertEquals(ColumnType.parse("VARCHAR(44)"), s.type("L_COMMENT"));
        assertEquals(ColumnType.of(TypeName.BIGINT), s.type("L_ORDERKEY"));
        assertEquals(ColumnType.of(TypeName.DECIMAL), s.type("L_FREE"));
        assertEquals(ColumnType.of(TypeName.DECIMAL), s.type("L_NO_SCALE"), "a scale Ignite does not check");
        assertEquals(ColumnType.of(TypeName.VARCHAR), s.type("L_NOTE"));
        // Ignite's planner types every TIMESTAMP column by its Java class, whatever precision the DDL gave.
        assertEquals(ColumnType.of(TypeName.TIMESTAMP), s.type("L_SHIPTIME"));
    }

    private static TableSchema schema() {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        fields.put("L_ORDERKEY", "java.lang.Long");
        fields.put("L_QUANTITY", "java.math.BigDecimal");
        fields.put("L_WHOLE", "java.math.BigDecimal");
        fields.put("L_FREE", "java.math.BigDecimal");
        fields.put("L_NO_SCALE", "java.math.BigDecimal");
        fields.put("L_COMMENT", "java.lang.String");
        fields.put("L_NOTE", "java.lang.String");
        fields.put("L_SHIPTIME", "java.sql.Timestamp");
        QueryEntity e = new QueryEntity("java.lang.Long", "LINEITEM_VAL").setTableName("LINEITEM").setFields(fields)
            .setKeyFieldName("L_ORDERKEY")
            .setFieldsPrecision(Map.of("L_QUANTITY", 15, "L_WHOLE", 10, "L_NO_SCALE", 12, "L_COMMENT", 44,
                "L_SHIPTIME", 0))
            .setFieldsScale(Map.of("L_QUANTITY", 2, "L_WHOLE", 0));
        CacheConfiguration<Object, Object> cfg = new CacheConfiguration<>("SQL_PUBLIC_LINEITEM")
            .setSqlSchema("PUBLIC").setQueryEntities(List.of(e));
        return TableSchema.of(ManagedTable.of(cfg).get(0), List.of());
    }
}
