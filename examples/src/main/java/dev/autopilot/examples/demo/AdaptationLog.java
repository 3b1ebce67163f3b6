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

package dev.autopilot.examples.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.layout.LayoutCodec;

/**
 * The adaptations Autopilot made, read the way any user reads them: SQL over JDBC on {@code AUTOPILOT.ADAPTATIONS}.
 */
final class AdaptationLog {
    private static final String ROLLED_BACK = "rolled back";

    private static final String ADAPTATIONS = "SELECT ADAPTATION_ID, TABLE_NAME, STEP, OUTCOME, REASON, STARTED_AT, "
        + "CUT_OVER_AT, PLAN, LAYOUT_BEFORE FROM AUTOPILOT.ADAPTATIONS ORDER BY STARTED_AT";

    /**
     * One adaptation.
     *
     * @param id its id
     * @param table {@code SCHEMA.TABLE}
     * @param step the step it is at
     * @param outcome {@code completed}, {@code rolled back}, {@code rejected}, or null while it runs
     * @param reason why it was rolled back or rejected, or null
     * @param startedAtMillis when the manager started it
     * @param cutOverAtMillis when rewritten queries began to use what it added, or 0 if they have not
     * @param added the derived columns and indexes it adds, for a reader
     */
    record Adaptation(String id, String table, String step, String outcome, String reason, long startedAtMillis,
        long cutOverAtMillis, String added) {
        /**
         * @return whether it was on its way during {@code [fromMillis, toMillis)}: started in it, cut over in it, or
         *     started before and not cut over yet
         */
        boolean during(long fromMillis, long toMillis) {
            return startedAtMillis < toMillis && (startedAtMillis >= fromMillis || cutOverAtMillis >= fromMillis
                || cutOverAtMillis == 0 && running());
        }

        /** @return whether it is still on its way */
        boolean running() {
            return outcome == null;
        }

        /**
         * @return when rewritten queries began to use what it added, or 0 if they have not, or if it was rolled back
         *     (its layout before came back)
         */
        long cutOverMillis() {
            return ROLLED_BACK.equals(outcome) ? 0 : cutOverAtMillis;
        }
    }

    private final String jdbcUrl;

    AdaptationLog(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** @return every adaptation, oldest first */
    List<Adaptation> all() throws SQLException {
        List<Adaptation> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(ADAPTATIONS)) {
            while (rs.next()) {
                out.add(new Adaptation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), millis(rs.getTimestamp(6)), millis(rs.getTimestamp(7)),
                    added(rs.getString(8), rs.getString(9))));
            }
        }
        return out;
    }

    private static long millis(Timestamp t) {
        return t == null ? 0 : t.getTime();
    }

    /** @return the columns ({@code NAME = expression}) and indexes ({@code NAME (columns)}) a plan adds */
    private static String added(String plan, String layoutBefore) {
        if (plan == null || layoutBefore == null)
            return "not planned yet";
        LayoutPlan p = LayoutPlan.read(plan, LayoutCodec.read(layoutBefore).table());
        return Stream.concat(
            p.columns().stream().map(c -> "column " + c.column().name() + " = " + c.column().storedSql()),
            p.indexes().stream().map(i -> "index " + i.name() + " (" + String.join(", ", i.columns()) + ')'))
            .collect(Collectors.joining(", "));
    }
}
