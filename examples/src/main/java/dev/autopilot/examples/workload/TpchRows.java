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

import io.trino.tpch.LineItem;
import io.trino.tpch.Order;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Binds generated TPC-H rows to the INSERT statements of {@link TpchLoader}, in TpchSchema's column order, starting
 * after parameter {@code offset} (a multi-row INSERT binds row {@code i} at offset {@code i * columns}).
 */
final class TpchRows {
    private TpchRows() {
    }

    static void bind(PreparedStatement statement, int offset, LineItem line) throws SQLException {
        statement.setLong(offset + 1, line.getOrderKey());
        statement.setLong(offset + 2, line.getPartKey());
        statement.setLong(offset + 3, line.getSupplierKey());
        statement.setInt(offset + 4, line.getLineNumber());
        statement.setBigDecimal(offset + 5, BigDecimal.valueOf(line.getQuantity()).setScale(2));
        statement.setBigDecimal(offset + 6, BigDecimal.valueOf(line.getExtendedPriceInCents(), 2));
        statement.setBigDecimal(offset + 7, BigDecimal.valueOf(line.getDiscountPercent(), 2));
        statement.setBigDecimal(offset + 8, BigDecimal.valueOf(line.getTaxPercent(), 2));
        statement.setString(offset + 9, line.getReturnFlag());
        statement.setString(offset + 10, line.getStatus());
        statement.setDate(offset + 11, date(line.getShipDate()));
        statement.setDate(offset + 12, date(line.getCommitDate()));
        statement.setDate(offset + 13, date(line.getReceiptDate()));
        statement.setString(offset + 14, line.getShipInstructions());
        statement.setString(offset + 15, line.getShipMode());
        statement.setString(offset + 16, line.getComment());
    }

    static void bind(PreparedStatement statement, int offset, Order order) throws SQLException {
        statement.setLong(offset + 1, order.getOrderKey());
        statement.setLong(offset + 2, order.getCustomerKey());
        statement.setString(offset + 3, String.valueOf(order.getOrderStatus()));
        statement.setBigDecimal(offset + 4, BigDecimal.valueOf(order.getTotalPriceInCents(), 2));
        statement.setDate(offset + 5, date(order.getOrderDate()));
        statement.setString(offset + 6, order.getOrderPriority());
        statement.setString(offset + 7, order.getClerk());
        statement.setInt(offset + 8, order.getShipPriority());
        statement.setString(offset + 9, order.getComment());
    }

    /** The generator's dates are days since 1970-01-01. */
    private static Date date(int epochDay) {
        return Date.valueOf(LocalDate.ofEpochDay(epochDay));
    }
}
