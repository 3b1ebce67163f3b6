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

package dev.autopilot.adaptation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;

/** TPC-H's LINEITEM and ORDERS as the examples create them, for tests. */
public final class Lineitem {
    private Lineitem() {
    }

    /**
     * @return LINEITEM with its primary key (L_ORDERKEY, L_LINENUMBER), no secondary index, and two columns TPC-H
     *     lacks: L_COUNT INT and L_RATIO DOUBLE, for type rules
     */
    public static TableSchema schema() {
        Map<String, ColumnType> c = new LinkedHashMap<>();
        c.put("L_ORDERKEY", ColumnType.parse("BIGINT"));
        c.put("L_PARTKEY", ColumnType.parse("BIGINT"));
        c.put("L_SUPPKEY", ColumnType.parse("BIGINT"));
        c.put("L_LINENUMBER", ColumnType.parse("INT"));
        c.put("L_QUANTITY", ColumnType.parse("DECIMAL(15,2)"));
        c.put("L_EXTENDEDPRICE", ColumnType.parse("DECIMAL(15,2)"));
        c.put("L_DISCOUNT", ColumnType.parse("DECIMAL(15,2)"));
        c.put("L_TAX", ColumnType.parse("DECIMAL(15,2)"));
        c.put("L_RETURNFLAG", ColumnType.parse("VARCHAR(1)"));
        c.put("L_LINESTATUS", ColumnType.parse("VARCHAR(1)"));
        c.put("L_SHIPDATE", ColumnType.parse("DATE"));
        c.put("L_COMMITDATE", ColumnType.parse("DATE"));
        c.put("L_RECEIPTDATE", ColumnType.parse("DATE"));
        c.put("L_SHIPINSTRUCT", ColumnType.parse("VARCHAR(25)"));
        c.put("L_SHIPMODE", ColumnType.parse("VARCHAR(10)"));
        c.put("L_COMMENT", ColumnType.parse("VARCHAR(44)"));
        c.put("L_COUNT", ColumnType.parse("INT"));
        c.put("L_RATIO", ColumnType.parse("DOUBLE"));
        return new TableSchema("PUBLIC.LINEITEM", "LINEITEM", c, List.of("L_ORDERKEY", "L_LINENUMBER"), List.of());
    }

    /** @return ORDERS with its primary key */
    public static TableSchema orders() {
        Map<String, ColumnType> c = new LinkedHashMap<>();
        c.put("O_ORDERKEY", ColumnType.parse("BIGINT"));
        c.put("O_CUSTKEY", ColumnType.parse("BIGINT"));
        c.put("O_TOTALPRICE", ColumnType.parse("DECIMAL(15,2)"));
        c.put("O_ORDERDATE", ColumnType.parse("DATE"));
        c.put("O_ORDERPRIORITY", ColumnType.parse("VARCHAR(15)"));
        return new TableSchema("PUBLIC.ORDERS", "ORDERS", c, List.of("O_ORDERKEY"), List.of());
    }
}
