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

package dev.autopilot.examples.workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The DDL of the two TPC-H tables the workloads use, LINEITEM and ORDERS, as plain SQL sent over JDBC.
 *
 * <p>Both tables are partitioned with one backup and colocated by order key (LINEITEM's affinity key is
 * L_ORDERKEY), so the lineitem-orders join runs without moving rows between nodes. Column names and meanings
 * are TPC-H's; money and rates are DECIMAL(15,2), dates are DATE.
 */
public final class TpchSchema {
    /** Name of the lineitem table. */
    public static final String LINEITEM = "LINEITEM";

    /** Name of the orders table. */
    public static final String ORDERS = "ORDERS";

    /** LINEITEM's columns, in the order {@link TpchLoader} inserts them. */
    public static final List<String> LINEITEM_COLUMNS = List.of(
        "L_ORDERKEY", "L_PARTKEY", "L_SUPPKEY", "L_LINENUMBER", "L_QUANTITY", "L_EXTENDEDPRICE", "L_DISCOUNT",
        "L_TAX", "L_RETURNFLAG", "L_LINESTATUS", "L_SHIPDATE", "L_COMMITDATE", "L_RECEIPTDATE", "L_SHIPINSTRUCT",
        "L_SHIPMODE", "L_COMMENT");

    /** ORDERS' columns, in the order {@link TpchLoader} inserts them. */
    public static final List<String> ORDERS_COLUMNS = List.of(
        "O_ORDERKEY", "O_CUSTKEY", "O_ORDERSTATUS", "O_TOTALPRICE", "O_ORDERDATE", "O_ORDERPRIORITY", "O_CLERK",
        "O_SHIPPRIORITY", "O_COMMENT");

    static final String CREATE_LINEITEM = "CREATE TABLE IF NOT EXISTS " + LINEITEM + " ("
        + "L_ORDERKEY BIGINT NOT NULL, "
        + "L_PARTKEY BIGINT NOT NULL, "
        + "L_SUPPKEY BIGINT NOT NULL, "
        + "L_LINENUMBER INT NOT NULL, "
        + "L_QUANTITY DECIMAL(15,2) NOT NULL, "
        + "L_EXTENDEDPRICE DECIMAL(15,2) NOT NULL, "
        + "L_DISCOUNT DECIMAL(15,2) NOT NULL, "
        + "L_TAX DECIMAL(15,2) NOT NULL, "
        + "L_RETURNFLAG VARCHAR(1) NOT NULL, "
        + "L_LINESTATUS VARCHAR(1) NOT NULL, "
        + "L_SHIPDATE DATE NOT NULL, "
        + "L_COMMITDATE DATE NOT NULL, "
        + "L_RECEIPTDATE DATE NOT NULL, "
        + "L_SHIPINSTRUCT VARCHAR(25) NOT NULL, "
        + "L_SHIPMODE VARCHAR(10) NOT NULL, "
        + "L_COMMENT VARCHAR(44) NOT NULL, "
        + "PRIMARY KEY (L_ORDERKEY, L_LINENUMBER)"
        + ") WITH \"template=partitioned,backups=1,affinity_key=L_ORDERKEY,cache_name=" + LINEITEM + "\"";

    static final String CREATE_ORDERS = "CREATE TABLE IF NOT EXISTS " + ORDERS + " ("
        + "O_ORDERKEY BIGINT NOT NULL, "
        + "O_CUSTKEY BIGINT NOT NULL, "
        + "O_ORDERSTATUS VARCHAR(1) NOT NULL, "
        + "O_TOTALPRICE DECIMAL(15,2) NOT NULL, "
        + "O_ORDERDATE DATE NOT NULL, "
        + "O_ORDERPRIORITY VARCHAR(15) NOT NULL, "
        + "O_CLERK VARCHAR(15) NOT NULL, "
        + "O_SHIPPRIORITY INT NOT NULL, "
        + "O_COMMENT VARCHAR(79) NOT NULL, "
        + "PRIMARY KEY (O_ORDERKEY)"
        + ") WITH \"template=partitioned,backups=1,cache_name=" + ORDERS + "\"";

    private TpchSchema() {
    }

    /** Creates both tables unless they exist. */
    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(CREATE_ORDERS);
            statement.executeUpdate(CREATE_LINEITEM);
        }
    }

    /** Drops both tables if they exist, so that a new load starts empty. */
    public static void dropIfExists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE IF EXISTS " + LINEITEM);
            statement.executeUpdate("DROP TABLE IF EXISTS " + ORDERS);
        }
    }
}
