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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JDBC thin connection and the prepared statements made on it: runs a template with given values, either bound
 * or written in as literals, and reads the whole result as a real client would. Used by one thread at a time.
 */
public final class QueryRunner implements AutoCloseable {
    private final String jdbcUrl;

    private final int queryTimeoutSeconds;

    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    private Connection connection;

    public QueryRunner(String jdbcUrl, int queryTimeoutSeconds) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.connection = DriverManager.getConnection(jdbcUrl);
    }

    /** Runs {@code template} once; returns the rows read (queries) or changed (updates). */
    public long execute(QueryTemplate template, List<Object> values, ParameterStyle style) throws SQLException {
        if (style == ParameterStyle.INLINE) {
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(queryTimeoutSeconds);

                String sql = template.render(values);

                if (template.isUpdate())
                    return statement.executeUpdate(sql);

                try (ResultSet rows = statement.executeQuery(sql)) {
                    return drain(rows);
                }
            }
        }

        PreparedStatement statement = prepare(template);

        bind(statement, values);

        if (template.isUpdate())
            return statement.executeUpdate();

        try (ResultSet rows = statement.executeQuery()) {
            return drain(rows);
        }
    }

    /** After an error: opens a new connection if the old one is gone, so one network hiccup does not end a run. */
    public void reconnectIfClosed() throws SQLException {
        if (!connection.isClosed())
            return;

        closeStatements();
        connection = DriverManager.getConnection(jdbcUrl);
    }

    @Override
    public void close() throws SQLException {
        try {
            closeStatements();
        }
        finally {
            connection.close();
        }
    }

    private PreparedStatement prepare(QueryTemplate template) throws SQLException {
        PreparedStatement statement = prepared.get(template.name());

        if (statement == null) {
            statement = connection.prepareStatement(template.sql());
            statement.setQueryTimeout(queryTimeoutSeconds);
            prepared.put(template.name(), statement);
        }

        return statement;
    }

    private void closeStatements() throws SQLException {
        SQLException first = null;

        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            }
            catch (SQLException e) {
                if (first == null)
                    first = e;
                else
                    first.addSuppressed(e);
            }
        }

        prepared.clear();

        if (first != null)
            throw first;
    }

    /** Binds {@code values} to the statement's parameters, in order, with the JDBC setter of each value's type. */
    public static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            int index = i + 1;

            if (value instanceof LocalDate date)
                statement.setDate(index, Date.valueOf(date));
            else if (value instanceof BigDecimal decimal)
                statement.setBigDecimal(index, decimal);
            else if (value instanceof Long number)
                statement.setLong(index, number);
            else if (value instanceof Integer number)
                statement.setInt(index, number);
            else if (value instanceof String text)
                statement.setString(index, text);
            else
                throw new IllegalArgumentException("cannot bind a " + (value == null ? "null" : value.getClass().getName())
                    + " as parameter " + index + ": " + value);
        }
    }

    private static long drain(ResultSet rows) throws SQLException {
        long count = 0;

        while (rows.next())
            count++;

        return count;
    }
}
