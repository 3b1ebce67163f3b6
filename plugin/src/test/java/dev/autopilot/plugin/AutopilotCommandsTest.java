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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.profile.ProfileValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autopilot's own {@code control.sh --autopilot ...} commands, run through the control utility's entry point against
 * a running cluster, and the same request from SQL ({@code AUTOPILOT.ADAPTATION_COMMANDS}): each prints or records
 * what it did, and a refusal fails with a message that names what was wrong, changing nothing.
 */
class AutopilotCommandsTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 2_000;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0).setFillBatchSize(500).setAdaptation(new AdaptationConfiguration()
                .setMode(AdaptationMode.RECOMMEND).setWatchWindows(0).setFillLatencyRatio(0).setFillNiceRatio(0)));
        for (String table : List.of("Q", "R", "S", "T"))
            ExpressionTables.create(CLUSTER.node(0), table, ROWS);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void aProfileFromAFileIsRequestedListedAndRolledBack() throws Exception {
        ControlUtility.Run request = control("--autopilot", "request", "--file", file(profile("Q", "AP_AB")));
        assertEquals(0, request.exitCode(), request.toString());
        String id = idIn((String)request.result(), "Requested adaptation ");
        assertTrue(request.output().contains("Requested adaptation " + id), request.toString());
        await(id, AdaptationStep.DONE);

        ControlUtility.Run list = control("--autopilot", "list");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.output().contains(id + " PUBLIC.Q DONE, completed, trigger: requested"), list.toString());

        ControlUtility.Run rollback = control("--autopilot", "rollback", "--id", id);
        assertEquals(0, rollback.exitCode(), rollback.toString());
        assertTrue(rollback.output().contains("Rolling back adaptation " + id), rollback.toString());
        await(id, AdaptationStep.ROLLED_BACK);
        assertNull(plugin().adaptation().layouts().table("PUBLIC.Q"));
    }

    @Test
    void helpListsTheCommands() {
        ControlUtility.Run help = control("--autopilot", "help");
        assertEquals(0, help.exitCode(), help.toString());
        for (String cmd : List.of("list", "request --file", "apply --id", "reject --id", "rollback --id",
            "pin --table", "unpin --table"))
            assertTrue(help.output().contains("--autopilot " + cmd), cmd + ": " + help);
    }

    @Test
    void aBadProfileFailsNamingTheFieldAndNothingIsRequested() throws Exception {
        int before = plugin().adaptation().adaptations().size();
        ControlUtility.Run bad = control("--autopilot", "request", "--file", file(profile("T", "A")));
        assertNotEquals(0, bad.exitCode(), bad.toString());
        assertTrue(bad.output().contains("derived_attributes[0].name: A is already a column"), bad.toString());
        assertEquals(before, plugin().adaptation().adaptations().size(), "nothing requested");

        ControlUtility.Run missing = control("--autopilot", "request", "--file", dir.resolve("none.json").toString());
        assertNotEquals(0, missing.exitCode(), missing.toString());
        assertTrue(missing.output().contains("Cannot read the profile file"), missing.toString());

        for (String cmd : List.of("apply", "reject", "rollback")) {
            ControlUtility.Run unknown = control("--autopilot", cmd, "--id", "no-such-id");
            assertNotEquals(0, unknown.exitCode(), unknown.toString());
            assertTrue(unknown.output().contains("No adaptation no-such-id"), unknown.toString());
        }
        assertNull(plugin().adaptation().layouts().table("PUBLIC.T"));
    }

    @Test
    void recommendationsAreRejectedAndApplied() {
        AutopilotPlugin plugin = plugin();
        String rejected = recommend(plugin, profile("R", "AP_AB"));
        ControlUtility.Run reject = control("--autopilot", "reject", "--id", rejected, "--reason", "not now");
        assertEquals(0, reject.exitCode(), reject.toString());
        assertTrue(reject.output().contains("Rejected recommendation " + rejected), reject.toString());
        Adaptation r = record(rejected);
        assertEquals(AdaptationStep.REJECTED, r.step());
        assertEquals("not now", r.reason());

        String applied = recommend(plugin, profile("R", "AP_A_B"));
        ControlUtility.Run list = control("--autopilot", "list");
        assertTrue(list.output().contains("Recommendations: ") && list.output().contains(applied + " PUBLIC.R "
            + "RECOMMENDED"), list.toString());
        ControlUtility.Run apply = control("--autopilot", "apply", "--id", applied);
        assertEquals(0, apply.exitCode(), apply.toString());
        assertTrue(apply.output().contains("Applied recommendation " + applied), apply.toString());
        await(applied, AdaptationStep.DONE);
        assertFalse(plugin.adaptation().layouts().table("PUBLIC.R").readyColumns().isEmpty());
    }

    @Test
    void aPinnedTableIsNotAdaptedUntilUnpinned() throws Exception {
        ControlUtility.Run pin = control("--autopilot", "pin", "--table", "PUBLIC.T", "--reason", "month end");
        assertEquals(0, pin.exitCode(), pin.toString());
        assertTrue(plugin().adaptation().pinned("PUBLIC.T"));
        ControlUtility.Run refused = control("--autopilot", "request", "--file", file(profile("T", "AP_AB")));
        assertNotEquals(0, refused.exitCode(), refused.toString());
        assertTrue(refused.output().contains("PUBLIC.T is pinned"), refused.toString());

        ControlUtility.Run unpin = control("--autopilot", "unpin", "--table", "PUBLIC.T");
        assertEquals(0, unpin.exitCode(), unpin.toString());
        assertTrue(unpin.output().contains("Unpinned PUBLIC.T"), unpin.toString());
        assertFalse(plugin().adaptation().pinned("PUBLIC.T"));
    }

    @Test
    void aProfileIsRequestedFromSql() throws Exception {
        int before = plugin().adaptation().adaptations().size();
        assertTrue(command("bad", profile("S", "B")).startsWith("error: derived_attributes[0].name: B is already"));
        assertEquals(before, plugin().adaptation().adaptations().size(), "a refused profile requests nothing");

        String result = command("good", profile("S", "AP_AB"));
        String id = idIn(result, "done: adaptation ");
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1));
             PreparedStatement ps = c.prepareStatement("SELECT ADAPTATION_ID FROM AUTOPILOT.ADAPTATION_COMMANDS "
                 + "WHERE COMMAND_ID = 'good'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(id, rs.getString(1), "the command row names the adaptation it made");
            }
        }
        TestCluster.await("DONE in AUTOPILOT.ADAPTATIONS", () -> "DONE".equals(sqlStep(id)), 60_000);
    }

    private static String profile(String table, String column) {
        return "{\"partition_id\": \"" + table + "\", \"table\": \"PUBLIC." + table + "\", \"version\": 1, "
            + "\"derived_attributes\": [{\"name\": \"" + column + "\", \"expression\": \"A * B\"}], "
            + "\"composite_index\": [\"" + column + "\"]}";
    }

    private static String file(String json) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "profile", ".json"), json).toString();
    }

    private static String recommend(AutopilotPlugin plugin, String json) {
        return plugin.recommendAdaptation(new ProfileValidator(plugin.node().adaptations()::userSchema).read(json), json, "test");
    }

    private static String idIn(String text, String prefix) {
        assertTrue(text != null && text.startsWith(prefix), text);
        return text.substring(prefix.length()).split("[ )]")[0];
    }

    private static ControlUtility.Run control(String... args) {
        return ControlUtility.run(CLUSTER.clientAddress(1), args);
    }

    private static AutopilotPlugin plugin() {
        return AutopilotPlugin.of(CLUSTER.node(0));
    }

    private static Adaptation record(String id) {
        return plugin().adaptation().adaptations().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static void await(String id, AdaptationStep step) {
        TestCluster.await(id + " at " + step, () -> record(id).step() == step, 60_000);
    }

    /** Inserts a REQUEST over JDBC and waits for the manager's result. */
    private static String command(String commandId, String profile) throws Exception {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1));
             PreparedStatement ps = c.prepareStatement("INSERT INTO AUTOPILOT.ADAPTATION_COMMANDS "
                 + "(COMMAND_ID, COMMAND, PROFILE) VALUES (?, 'REQUEST', ?)")) {
            ps.setString(1, commandId);
            ps.setString(2, profile);
            ps.executeUpdate();
        }
        String[] result = new String[1];
        TestCluster.await("result of " + commandId, () -> (result[0] = sql("SELECT RESULT FROM "
            + "AUTOPILOT.ADAPTATION_COMMANDS WHERE COMMAND_ID = '" + commandId + '\'')) != null);
        return result[0];
    }

    private static String sqlStep(String id) {
        return sql("SELECT STEP FROM AUTOPILOT.ADAPTATIONS WHERE ADAPTATION_ID = '" + id + '\'');
    }

    private static String sql(String query) {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(0));
             ResultSet rs = c.createStatement().executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
