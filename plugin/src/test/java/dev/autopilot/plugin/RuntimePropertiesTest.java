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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.profile.ProfileValidator;
import dev.autopilot.affinity.scaler.StandbyScalerMode;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autopilot's runtime switches as Ignite distributed properties, changed with {@code control.sh --property set} on a
 * running cluster (through the control utility's own entry point): every node follows at once, bad values are refused
 * naming the property and the value, and switching the adaptation manager OFF holds the fill of an adaptation it
 * started, recorded and logged, until it is switched on again.
 */
class RuntimePropertiesTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 20_000;
    private static final AdaptationConfiguration ADAPTATION = new AdaptationConfiguration()
        .setMode(AdaptationMode.RECOMMEND).setLatencyThresholdMillis(100_000).setMinNetGain(1000).setMinIntervalSeconds(600)
        .setWatchWindows(0).setFillLatencyRatio(0).setFillNiceRatio(16);

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setWindowSeconds(1).setFlushIntervalMillis(200)
            .setStatisticsRefreshSeconds(0).setFillBatchSize(50).setAdaptation(ADAPTATION));
        ExpressionTables.create(CLUSTER.node(0), "P", ROWS);
        ExpressionTables.create(CLUSTER.node(0), "L", ROWS);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    /** Each test starts from the configured values. */
    @AfterEach
    void configuredValuesBack() {
        set(LiveSettings.ADAPTATION_MODE, "RECOMMEND");
        set(LiveSettings.LATENCY_THRESHOLD, "100000");
        set(LiveSettings.MIN_INTERVAL, "600");
        set(LiveSettings.MIN_NET_GAIN, "1000");
    }

    @Test
    void propertiesAreListedWithTheConfiguredValuesAndChangedOnEveryNode() {
        ControlUtility.Run list = ControlUtility.run(CLUSTER.clientAddress(0), "--property", "list");
        assertEquals(0, list.exitCode(), list.toString());
        for (String name : List.of(LiveSettings.ADAPTATION_MODE, LiveSettings.LATENCY_THRESHOLD,
            LiveSettings.MIN_INTERVAL, LiveSettings.MIN_NET_GAIN, LiveSettings.STANDBY_SCALER_MODE))
            assertTrue(list.output().contains(name), name + " listed: " + list);

        assertEquals("100000.0", get(LiveSettings.LATENCY_THRESHOLD), "the configured value is the initial one");
        assertEquals("600", get(LiveSettings.MIN_INTERVAL));
        assertEquals("RECOMMEND", get(LiveSettings.ADAPTATION_MODE));
        assertEquals("OFF", get(LiveSettings.STANDBY_SCALER_MODE));

        set(LiveSettings.LATENCY_THRESHOLD, "7.5");
        set(LiveSettings.MIN_INTERVAL, "30");
        set(LiveSettings.MIN_NET_GAIN, "250");
        set(LiveSettings.ADAPTATION_MODE, "auto");
        for (Ignite node : CLUSTER.nodes()) {
            RuntimeSettings s = AutopilotPlugin.of(node).settings();
            TestCluster.await(node.name() + " follows", () -> s.latencyThresholdMillis() == 7.5
                && s.minIntervalSeconds() == 30 && s.minNetGain() == 250 && s.adaptationMode() == AdaptationMode.AUTO);
        }
        assertEquals(AdaptationMode.RECOMMEND, AutopilotPlugin.of(CLUSTER.node(1)).configuration().getAdaptation()
            .getMode(), "the configuration stays what the node started with");
        assertEquals("7.5", get(LiveSettings.LATENCY_THRESHOLD));
    }

    @Test
    void badValuesAreRefusedNamingThePropertyAndTheValue() {
        refused(LiveSettings.LATENCY_THRESHOLD, "-3", "must be above 0");
        refused(LiveSettings.LATENCY_THRESHOLD, "fast", "not a number");
        refused(LiveSettings.MIN_INTERVAL, "-1", "must be at least 0");
        refused(LiveSettings.MIN_NET_GAIN, "-0.5", "must be at least 0");
        refused(LiveSettings.ADAPTATION_MODE, "SOMETIMES", "must be one of [AUTO, RECOMMEND, OFF]");
        refused(LiveSettings.STANDBY_SCALER_MODE, "DRY_RUN", "standbyScaler.caches");
        assertEquals(StandbyScalerMode.OFF, AutopilotPlugin.of(CLUSTER.node(1)).settings().standbyScalerMode());
    }

    /**
     * The manager judges windows by the threshold in force: no query takes 100 s, so table L is never slow until the
     * threshold is lowered on the running cluster, and then the manager (RECOMMEND) recommends adapting it.
     */
    @Test
    void aLoweredThresholdMakesTheManagerActOnTheRunningCluster() throws Exception {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = ExpressionTables.reader(CLUSTER.jdbcUrl(1), "L", running, failure);
        reader.start();
        try {
            set(LiveSettings.LATENCY_THRESHOLD, "1");
            TestCluster.await("a recommendation for L", () -> plugin.adaptation().adaptations().stream().anyMatch(a ->
                a.table().equals("PUBLIC.L") && a.step() == AdaptationStep.RECOMMENDED), 60_000);
            Adaptation r = plugin.adaptation().adaptations().stream().filter(a -> a.table().equals("PUBLIC.L")).findFirst()
                .orElseThrow();
            assertTrue(r.trigger().contains("> 1.0 ms"), "the trigger names the threshold in force: " + r.trigger());
        }
        finally {
            running.set(false);
            reader.join();
        }
        if (failure.get() != null)
            throw new AssertionError("the reader failed", failure.get());
    }

    /**
     * An adaptation the manager started (any trigger but a user's request) is filling when the mode becomes OFF: the
     * fill stops within a partition, the record says it is paused and how far it got, and nothing moves until the
     * mode is RECOMMEND again, when it fills on from where it stopped.
     */
    @Test
    void offHoldsTheManagersFillUntilSwitchedOnAgain() throws Exception {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        String profile = """
            {"partition_id": "P", "table": "PUBLIC.P", "version": 1,
             "derived_attributes": [{"name": "AP_AB", "expression": "A * B"}], "composite_index": ["AP_AB"]}
            """;
        String id = plugin.requestAdaptation(new ProfileValidator(plugin.node().adaptations()::userSchema)
            .read(profile), profile, "queries took 30 ms (test)");
        TestCluster.await("filling", () -> record(plugin, id).step() == AdaptationStep.FILLING
            && record(plugin, id).rowsFilled() > 0, 60_000);

        set(LiveSettings.ADAPTATION_MODE, "OFF");
        TestCluster.await("paused", () -> record(plugin, id).isPaused(), 10_000);
        Adaptation paused = record(plugin, id);
        assertEquals(AdaptationStep.FILLING, paused.step());
        assertTrue(paused.rowsFilled() < ROWS, "stopped before the end: " + paused);
        assertTrue(paused.reason().contains(LiveSettings.ADAPTATION_MODE + " is OFF; left at step FILLING, "),
            paused.reason());
        assertTrue(sqlReason(id).startsWith("paused: "), "AUTOPILOT.ADAPTATIONS shows it");
        ControlUtility.Run list = ControlUtility.run(CLUSTER.clientAddress(1), "--autopilot", "list");
        assertTrue(list.output().contains(id + " PUBLIC.P FILLING ") && list.output().contains("% filled (")
            && list.output().contains("reason: paused: "), "control.sh shows the progress and the pause: " + list);
        Thread.sleep(1500);
        assertEquals(paused.rowsFilled(), record(plugin, id).rowsFilled(), "nothing filled while OFF");
        assertEquals(AdaptationStep.FILLING, record(plugin, id).step());

        set(LiveSettings.ADAPTATION_MODE, "RECOMMEND");
        TestCluster.await("filling again", () -> record(plugin, id).rowsFilled() > paused.rowsFilled(), 30_000);
        assertEquals(null, record(plugin, id).reason(), "no longer paused");
        plugin.adaptation().rollbackAdaptation(id);
        TestCluster.await("rolled back", () -> record(plugin, id).step() == AdaptationStep.ROLLED_BACK, 60_000);
    }

    private static Adaptation record(AutopilotPlugin plugin, String id) {
        return plugin.adaptation().adaptations().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static String sqlReason(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(CLUSTER.jdbcUrl(1)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT REASON FROM AUTOPILOT.ADAPTATIONS WHERE ADAPTATION_ID = '" + id
                 + '\'')) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static String get(String name) {
        ControlUtility.Run run = ControlUtility.run(CLUSTER.clientAddress(1), "--property", "get", "--name", name);
        assertEquals(0, run.exitCode(), run.toString());
        String prefix = name + " = ";
        return run.output().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
            .findFirst().orElseThrow(() -> new AssertionError("no value printed: " + run));
    }

    private static void set(String name, String value) {
        ControlUtility.Run run = ControlUtility.run(CLUSTER.clientAddress(0), "--property", "set", "--name", name,
            "--val", value);
        assertEquals(0, run.exitCode(), run.toString());
    }

    private static void refused(String name, String value, String rule) {
        ControlUtility.Run run = ControlUtility.run(CLUSTER.clientAddress(0), "--property", "set", "--name", name,
            "--val", value);
        assertNotEquals(0, run.exitCode(), run.toString());
        assertTrue(run.output().contains(name) && run.output().contains(value) && run.output().contains(rule),
            "the refusal names the property, the value and the rule: " + run);
    }
}
