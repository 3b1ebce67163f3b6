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

package dev.autopilot.plugin;

import java.util.List;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue 23 on real nodes: a filter on a CAST of an expression a derived column holds counts what plain Ignite counts
 * for the statement as written. T is created by DDL, so its schema is the one Autopilot captures from a live table
 * ({@code Q DECIMAL(15, 2)}); each query runs rewritten and as written ({@link AutopilotPlugin#NO_REWRITE}).
 */
class CastOverDerivedColumnTest {
    private static final TestCluster CLUSTER = new TestCluster();

    private static final String PROFILE = """
        {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
         "derived_attributes": [
           {"name": "AP_QBUCKET", "expression": "FLOOR(Q / 10)"},
           {"name": "AP_US", "expression": "UPPER(S)"},
           {"name": "AP_SECOND", "expression": "EXTRACT(SECOND FROM TS)"}]}
        """;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0));
        sql("CREATE TABLE T (ID INT PRIMARY KEY, Q DECIMAL(15, 2), S VARCHAR(8), TS TIMESTAMP) WITH \"BACKUPS=1\"");
        StringBuilder values = new StringBuilder();
        for (int j = 0; j < 200; j++) {
            // Quantities 0.00 to 29.75 in quarters; timestamps with 0, 250, 500 or 750 ms.
            values.append(j == 0 ? "" : ", ").append('(').append(j).append(", ").append(j % 30).append('.')
                .append(25 * (j % 4)).append(", 's").append(j % 5).append("', TIMESTAMP '2024-01-01 10:00:")
                .append(String.format("%02d.%03d", j % 60, 250 * (j % 4))).append("')");
        }
        sql("INSERT INTO T (ID, Q, S, TS) VALUES " + values);
        AutopilotPlugin.of(CLUSTER.node(0)).adaptation().applyProfile(PROFILE);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void filterOnACastToAnotherDecimalCountsWhatIgniteCounts() {
        String cast = "SELECT COUNT(*) FROM T WHERE FLOOR(CAST(Q / 10 AS DECIMAL(15, 0))) = 2";
        assertNotEquals(count(AutopilotPlugin.NO_REWRITE + " SELECT COUNT(*) FROM T WHERE FLOOR(Q / 10) = 2"),
            count(AutopilotPlugin.NO_REWRITE + ' ' + cast), "the data tells the cast from the derived column");
        assertSameAsWritten(cast, false);
        assertSameAsWritten("SELECT COUNT(*) FROM T WHERE FLOOR(CAST(Q / 10 AS DECIMAL(15, 1))) = 1", false);
        assertSameAsWritten("SELECT COUNT(*) FROM T WHERE FLOOR(CAST(Q AS DECIMAL(15, 0)) / 10) = 1", false);
        assertSameAsWritten("SELECT COUNT(*) FROM T WHERE FLOOR(CAST(Q AS DECIMAL) / 10) = 1", false);
    }

    @Test
    void castsToAnotherLengthOrTimestampPrecisionAreReadAsWritten() {
        assertSameAsWritten("SELECT COUNT(*) FROM T WHERE CHAR_LENGTH(UPPER(CAST(S AS CHAR(8)))) = 8", false);
        assertSameAsWritten("SELECT COUNT(*) FROM T WHERE UPPER(CAST(S AS VARCHAR(1))) = 'S'", false);
        assertSameAsWritten("SELECT SUM(EXTRACT(SECOND FROM CAST(TS AS TIMESTAMP(0)))) FROM T", false);
    }

    @Test
    void castThatChangesNothingIsStillReadFromTheDerivedColumn() {
        assertSameAsWritten("SELECT COUNT(*) FROM T WHERE FLOOR(Q / 10) = 2", true);
        assertSameAsWritten("SELECT COUNT(*) FROM T WHERE FLOOR(CAST(Q AS DECIMAL(15, 2)) / 10) = 1", true);
        assertSameAsWritten("SELECT COUNT(*) FROM T WHERE UPPER(CAST(S AS VARCHAR(8))) = 'S1'", true);
    }

    /** Runs {@code query} as Autopilot rewrites it and as written: same result, and rewritten or not as expected. */
    private static void assertSameAsWritten(String query, boolean rewritten) {
        Object asWritten = count(AutopilotPlugin.NO_REWRITE + ' ' + query);
        long before = AutopilotPlugin.of(CLUSTER.node(0)).rewriting().rewrittenStatements();
        assertEquals(asWritten, count(query), query);
        assertEquals(rewritten, AutopilotPlugin.of(CLUSTER.node(0)).rewriting().rewrittenStatements() > before,
            (rewritten ? "not rewritten: " : "rewritten: ") + query);
    }

    private static Object count(String query) {
        return sql(query).get(0).get(0);
    }

    private static List<List<?>> sql(String sql) {
        return CLUSTER.node(0).cache("autopilot_table_stats").query(new SqlFieldsQuery(sql).setSchema("PUBLIC"))
            .getAll();
    }
}
