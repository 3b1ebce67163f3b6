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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import dev.autopilot.adaptation.profile.DerivedAttribute;
import dev.autopilot.adaptation.profile.IndexRecommendation;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.adaptation.profile.SchemaProfile;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema profiles generated from what the cluster observed, readable from SQL. */
class SchemaProfileTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 20_000;

    /**
     * The hour-long window the workload ran in: the test runs it again when an hour began on the way, so that every
     * statement is in one window.
     */
    private static long window;

    @BeforeAll
    static void startCluster() throws SQLException {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(3600).setStatisticsRefreshSeconds(0)
            .setHistogramSampleRows(5000));
        sql("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT, D VARCHAR, E INT)");
        sql("CREATE INDEX T_E ON T (E)");
        for (int i = 0; i < ROWS; i += 1000) {
            StringBuilder values = new StringBuilder();
            for (int j = i; j < i + 1000; j++) {
                values.append(j == i ? "" : ", ").append('(').append(j).append(", ").append(j % 97).append(", ")
                    .append(j % 89).append(", 'd").append(j % 5).append("', ").append(j % 1000).append(')');
            }
            sql("INSERT INTO T (ID, A, B, D, E) VALUES " + values);
        }
        do {
            window = AutopilotPlugin.of(CLUSTER.node(0)).queryLog().currentWindow();
            runWorkload();
        }
        while (AutopilotPlugin.of(CLUSTER.node(0)).queryLog().currentWindow() != window);
        TestCluster.await("executions counted", () -> CLUSTER.nodes().stream()
            .mapToLong(n -> AutopilotPlugin.of(n).queryLog().executions()).sum() >= 80);
        CLUSTER.nodes().forEach(n -> AutopilotPlugin.of(n).flushQueryLog());
    }

    /** The statements the profiles are made from, on both nodes. */
    private static void runWorkload() throws SQLException {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1));
             PreparedStatement ps = c.prepareStatement("SELECT ID FROM T WHERE A * B BETWEEN ? AND ?")) {
            for (int i = 0; i < 40; i++) {
                ps.setInt(1, 100 * i);
                ps.setInt(2, 100 * i + 50);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        rs.getInt(1);
                }
            }
        }
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0));
             PreparedStatement ps = c.prepareStatement("SELECT ID FROM T WHERE E = ?")) {
            for (int i = 0; i < 40; i++) {
                ps.setInt(1, i);
                ps.executeQuery().close();
            }
        }
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void aFilteredExpressionBecomesADerivedAttributeWithAnIndex() {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        List<SchemaProfile> profiles = plugin.profiles().refreshProfiles(window);

        SchemaProfile t = profiles.stream().filter(p -> p.table().equals("PUBLIC.T")).findFirst().orElseThrow();
        assertEquals(1, t.derivedAttributes().size(), t.toString());
        assertEquals("A * B", t.derivedAttributes().get(0).expression());
        assertEquals(List.of(t.derivedAttributes().get(0).name()), t.compositeIndex());
        assertTrue(t.indexes().stream().noneMatch(i -> i.columns().equals(List.of("E"))),
            "E is indexed already (T_E): " + t.indexes());

        List<List<?>> rows = sql("SELECT DERIVED_ATTRIBUTES, COMPOSITE_INDEX, NET_GAIN, PROFILE FROM "
            + "AUTOPILOT.SCHEMA_PROFILES WHERE TABLE_NAME = 'PUBLIC.T'");
        assertEquals(1, rows.size());
        assertTrue(((String)rows.get(0).get(0)).endsWith("= A * B"), rows.toString());
        assertTrue(((Number)rows.get(0).get(2)).doubleValue() > 0, "a net gain: " + rows);
        assertTrue(((String)rows.get(0).get(3)).contains("\"derived_attributes\""), rows.toString());
    }

    @Test
    void aDryRunAnswersForARecordedWindowAndStoresNothing() {
        long statsRefreshedBefore = statsRefreshedAt();
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(1));
        String query = "SELECT COUNT(*) FROM AUTOPILOT.SCHEMA_PROFILES WHERE WINDOW_START = ?";

        long storedBefore = ((Number)CLUSTER.node(0).cache("autopilot_table_stats")
            .query(new SqlFieldsQuery(query).setArgs(new Timestamp(window - 3_600_000L))).getAll()
            .get(0).get(0)).longValue();
        List<SchemaProfile> answer = plugin.profiles().dryRunProfiles(window);
        List<SchemaProfile> earlier = plugin.profiles().dryRunProfiles(window - 3_600_000L);

        SchemaProfile t = answer.stream().filter(p -> p.table().equals("PUBLIC.T")).findFirst().orElseThrow();
        assertEquals("A * B", t.derivedAttributes().get(0).expression());
        assertTrue(earlier.stream().allMatch(SchemaProfile::empty), "an hour earlier nothing ran: " + earlier);
        assertEquals(storedBefore, ((Number)CLUSTER.node(0).cache("autopilot_table_stats")
            .query(new SqlFieldsQuery(query).setArgs(new Timestamp(window - 3_600_000L))).getAll()
            .get(0).get(0)).longValue(), "a dry run stores no profile");
        assertEquals(statsRefreshedBefore, statsRefreshedAt(), "nor table statistics");
    }

    @Test
    void whatAutopilotBuiltStaysInTheProfileWhileTheWorkloadStillUsesIt() {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        SchemaProfile before = table(plugin.profiles().dryRunProfiles(window));
        plugin.adaptation().applyProfile(ProfileCodec.write(before));

        SchemaProfile after = table(plugin.profiles().dryRunProfiles(window));

        assertEquals(before.derivedAttributes().stream().map(DerivedAttribute::name).toList(),
            after.derivedAttributes().stream().map(DerivedAttribute::name).toList(),
            "the same window still filters on A * B: " + ProfileCodec.write(after));
        assertEquals(before.indexes().stream().map(IndexRecommendation::name).toList(),
            after.indexes().stream().map(IndexRecommendation::name).toList(), "and its index serves it");
        assertTrue(plugin.planOf(after).isEmpty(), "adapting to it again changes nothing: " + plugin.planOf(after));
    }

    private static SchemaProfile table(List<SchemaProfile> profiles) {
        return profiles.stream().filter(p -> p.table().equals("PUBLIC.T")).findFirst().orElseThrow();
    }

    /** @return when the statistics of T were last written, or 0 */
    private static long statsRefreshedAt() {
        List<List<?>> rows = sql("SELECT REFRESHED_AT FROM AUTOPILOT.TABLE_STATS WHERE TABLE_NAME = 'PUBLIC.T'");
        return rows.isEmpty() ? 0 : ((Timestamp)rows.get(0).get(0)).getTime();
    }

    private static List<List<?>> sql(String sql) {
        return CLUSTER.node(0).cache("autopilot_table_stats").query(new SqlFieldsQuery(sql).setSchema("PUBLIC"))
            .getAll();
    }
}
