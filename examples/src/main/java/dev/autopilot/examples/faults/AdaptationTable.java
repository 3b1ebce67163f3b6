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

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads adaptations and gives commands through {@code AUTOPILOT.ADAPTATIONS} and {@code ADAPTATION_COMMANDS}. */
final class AdaptationTable {
    private final Jdbc jdbc;

    AdaptationTable(String jdbcUrl) {
        this.jdbc = new Jdbc(jdbcUrl);
    }

    /** @return the step of adaptation {@code id}, or {@code null} when it cannot be read now */
    String step(String id) {
        try (PreparedStatement ps = jdbc.get().prepareStatement(
            "SELECT STEP FROM AUTOPILOT.ADAPTATIONS WHERE ADAPTATION_ID = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
        catch (SQLException e) {
            jdbc.reset();
            return null;
        }
    }

    /** @return the reason recorded for adaptation {@code id} (why it was rolled back), or {@code null} */
    String reason(String id) throws SQLException {
        try (PreparedStatement ps = jdbc.get().prepareStatement(
            "SELECT REASON FROM AUTOPILOT.ADAPTATIONS WHERE ADAPTATION_ID = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Asks the manager to roll adaptation {@code id} back, as a user would from any SQL client. */
    void rollback(String id, String reason) throws SQLException {
        try (PreparedStatement ps = jdbc.get().prepareStatement("INSERT INTO AUTOPILOT.ADAPTATION_COMMANDS "
            + "(COMMAND_ID, COMMAND, ADAPTATION_ID, REASON) VALUES (?, 'ROLLBACK', ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, id);
            ps.setString(3, reason);
            ps.executeUpdate();
        }
        catch (SQLException e) {
            jdbc.reset();
            throw e;
        }
    }

    void close() {
        jdbc.close();
    }
}
