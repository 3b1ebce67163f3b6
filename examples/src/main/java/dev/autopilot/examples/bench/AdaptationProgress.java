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

package dev.autopilot.examples.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.manage.FillState;
import dev.autopilot.plugin.AutopilotPlugin;

/**
 * Follows the adaptation manager during the Autopilot run, every second: each profile it generates for LINEITEM
 * (which it does when it found the table slow) and each step each adaptation reaches, with the second of the run,
 * printed as they happen and kept for the report. That is what tells where the time from a phase start to its
 * structures goes, or why a phase was not adapted.
 */
final class AdaptationProgress implements AutoCloseable {
    /** How often the progress of a fill is printed. */
    private static final double FILL_LINE_SECONDS = 10;

    private final AutopilotPlugin plugin;
    private final Connection connection;
    private final Map<String, List<String>> steps = new LinkedHashMap<>();
    private final List<String> profiles = new ArrayList<>();
    private long lastProfile = Long.MIN_VALUE;
    private double lastFillLine = Double.NEGATIVE_INFINITY;

    AdaptationProgress(AutopilotPlugin plugin, String jdbcUrl) throws SQLException {
        this.plugin = plugin;
        this.connection = DriverManager.getConnection(jdbcUrl);
    }

    /**
     * Follows the manager until {@code endNanos}, on the calling thread.
     *
     * @param adapting told after each poll whether an adaptation is on its way
     */
    void follow(long startNanos, long endNanos, Consumer<Boolean> adapting) throws SQLException, InterruptedException {
        for (int tick = 1; System.nanoTime() < endNanos; tick++) {
            adapting.accept(poll((System.nanoTime() - startNanos) / 1e9));
            TimeUnit.NANOSECONDS.sleep(Math.max(0, startNanos + TimeUnit.SECONDS.toNanos(tick) - System.nanoTime()));
        }
    }

    /**
     * Records what changed since the last poll, at {@code second} of the run.
     *
     * @return whether an adaptation is on its way
     */
    boolean poll(double second) throws SQLException {
        boolean adapting = false;
        for (Adaptation a : plugin.adaptation().adaptations()) {
            if (AdaptationWarmUp.TABLE.equals(a.table()))
                continue;
            adapting |= !a.step().finished();
            List<String> seen = steps.computeIfAbsent(a.id(), id -> new ArrayList<>());
            if (seen.isEmpty()) {
                System.out.printf(Locale.ROOT, "[autopilot] %6.1f s: adaptation %s of %s requested%n",
                    second - (System.currentTimeMillis() - a.startedAt()) / 1000.0, a.id().substring(0, 8), a.table());
            }
            String step = a.step().name();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith(step + ' ')) {
                seen.add(String.format(Locale.ROOT, "%s %.0f s", step, second));
                System.out.printf(Locale.ROOT, "[autopilot] %6.1f s: adaptation %s of %s %s%s%n", second,
                    a.id().substring(0, 8), a.table(), step, a.reason() == null ? "" : " (" + a.reason() + ')');
            }
            if (a.step() == AdaptationStep.FILLING && second - lastFillLine >= FILL_LINE_SECONDS) {
                lastFillLine = second;
                FillState f = a.fill();
                System.out.printf(Locale.ROOT, "[autopilot] %6.1f s: adaptation %s filled %.0f%%, %,.0f rows/s, "
                    + "pausing %.1fx each batch's time%n", second, a.id().substring(0, 8), f.percent(),
                    f.rowsPerSecond(System.currentTimeMillis()), f.niceRatio());
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT VERSION, NET_GAIN, WINDOW_START, QUERIES, "
            + "DERIVED_ATTRIBUTES, INDEXES FROM AUTOPILOT.SCHEMA_PROFILES WHERE TABLE_NAME LIKE '%LINEITEM'");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getLong(1) != lastProfile) {
                lastProfile = rs.getLong(1);
                Timestamp window = rs.getTimestamp(3);
                String line = String.format(Locale.ROOT, "%.1f s: profile from the window of %s (%d queries), net "
                    + "gain %.0f rows/s; derived: %s; indexes: %s", second, window, rs.getLong(4), rs.getDouble(2),
                    rs.getString(5), rs.getString(6));
                profiles.add(line);
                System.out.println("[autopilot] " + line);
            }
        }
        return adapting;
    }

    /** @return the adaptation {@code id} as the plugin records it now */
    static Adaptation byId(AutopilotPlugin plugin, String id) {
        return plugin.adaptation().adaptations().stream().filter(a -> a.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalStateException("No adaptation " + id));
    }

    /** @return per adaptation id, the steps it reached and when */
    Map<String, List<String>> steps() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        steps.forEach((id, s) -> out.put(id, List.copyOf(s)));
        return out;
    }

    /** @return the profiles the manager generated for LINEITEM, in order */
    List<String> profiles() {
        return List.copyOf(profiles);
    }

    @Override public void close() throws SQLException {
        connection.close();
    }
}
