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

package dev.autopilot.examples.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A JDBC thin connection that is opened again after a failure: when the node it talks to is killed, the connection
 * is dead, and the next statement should go to a node that lives. The URL names every node.
 */
final class Jdbc implements AutoCloseable {
    private final String url;
    private Connection conn;

    Jdbc(String url) {
        this.url = url;
    }

    /** @return the open connection, opened now if there is none */
    Connection get() throws SQLException {
        if (conn == null)
            conn = DriverManager.getConnection(url);
        return conn;
    }

    /** Drops the connection after a failure, so that the next {@link #get()} opens a new one. */
    void reset() {
        close();
    }

    @Override public void close() {
        if (conn != null) {
            try {
                conn.close();
            }
            catch (SQLException e) {
                // Closing a connection to a dead node fails; the connection is gone either way.
            }
            conn = null;
        }
    }
}
