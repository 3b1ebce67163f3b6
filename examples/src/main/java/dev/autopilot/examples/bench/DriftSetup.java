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

import java.nio.file.Path;
import java.sql.SQLException;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.plugin.AdaptationConfiguration;
import dev.autopilot.plugin.AdaptationMode;
import dev.autopilot.plugin.AutopilotConfiguration;
import dev.autopilot.plugin.AutopilotPlugin;

/**
 * The three clusters the drift benchmark compares, each started fresh from {@code config/autopilot-server.xml}:
 * plain Ignite with primary keys only, a hand-tuned cluster (Autopilot installed with its manager OFF and
 * {@link HandTunedProfile} applied before the run), and Autopilot adapting by itself (manager AUTO, starting like the
 * static cluster).
 */
enum DriftSetup {
    /** Plain Ignite, no plugin: the tables' primary keys are the only indexes. */
    STATIC("static"),

    /** Autopilot with its manager OFF, and the structures of every phase created before the run. */
    HAND_TUNED("hand-tuned"),

    /** Autopilot adapting by itself, with windows short enough to follow phases of a minute or two. */
    AUTOPILOT("autopilot");

    private final String label;

    DriftSetup(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** @return whether the cluster runs the plugin */
    boolean autopilot() {
        return this != STATIC;
    }

    /** Starts the cluster's nodes; the Autopilot settings come from {@code settings}. */
    EmbeddedCluster start(Path springXml, int nodes, int base, AutopilotSettings settings) throws Exception {
        return EmbeddedCluster.start(springXml, nodes, base, autopilot(), cfg -> settings.applyTo(cfg, this));
    }

    /**
     * Gives the loaded cluster what it has before the workload starts: hand-tuned its structures; Autopilot the
     * statistics of the loaded tables, as a scheduled refresh would have them on a cluster that has been running
     * (without them, the manager collects them itself: a full read of the table on the way to its first adaptation),
     * and one adaptation of a table no phase reads, queried and taken away again ({@link AdaptationWarmUp}). One node
     * collects the statistics; the manager, on whichever node it runs, reads them from the {@code AUTOPILOT} tables.
     */
    void prepare(EmbeddedCluster cluster) throws SQLException {
        if (this == HAND_TUNED)
            AutopilotPlugin.of(cluster.nodes().get(0)).adaptation().applyProfile(HandTunedProfile.JSON);
        else if (this == AUTOPILOT) {
            AutopilotPlugin.of(cluster.nodes().get(0)).profiles().refreshStatistics();
            AdaptationWarmUp.run(cluster);
        }
    }

    /**
     * The Autopilot settings of the benchmark: query-log window, slow windows in a row and minimum interval of the
     * adaptation manager.
     *
     * @param windowSeconds query-log window
     * @param slowWindows slow windows in a row before a table is adapted
     * @param minIntervalSeconds seconds after an adaptation before the same table is adapted again
     * @param watchWindows windows the manager compares after a cut-over to roll back one that made the table slower
     * @param fillLatencyRatio the fill throttle's latency bound (0: paced by its nice ratio only)
     * @param fillNiceRatio the fill's pause after each batch, as a share of the batch's time
     * @param adaptationThreads partitions filled at once, and threads per node of an index build
     * @param fillBatchSize rows per batch of a fill
     * @param statisticsMaxAgeSeconds how old table statistics may be before the manager collects them anew
     */
    record AutopilotSettings(int windowSeconds, int slowWindows, int minIntervalSeconds, int watchWindows,
        double fillLatencyRatio, double fillNiceRatio, int adaptationThreads, int fillBatchSize,
        int statisticsMaxAgeSeconds) {
        /**
         * Both plugin clusters keep the XML's flush interval and get no scheduled statistics, profile or forecast
         * refresh (the manager refreshes the statistics and profiles of a slow table itself; forecast training would
         * only add noise).
         */
        void applyTo(AutopilotConfiguration cfg, DriftSetup setup) {
            cfg.setWindowSeconds(windowSeconds).setStatisticsRefreshSeconds(0);
            AdaptationConfiguration a = cfg.getAdaptation();
            if (setup == AUTOPILOT) {
                cfg.setAdaptationThreads(adaptationThreads).setFillBatchSize(fillBatchSize)
                    .setStatisticsMaxAgeSeconds(statisticsMaxAgeSeconds);
                a.setMode(AdaptationMode.AUTO).setSlowWindows(slowWindows).setMinIntervalSeconds(minIntervalSeconds)
                    .setWatchWindows(watchWindows).setFillLatencyRatio(fillLatencyRatio)
                    .setFillNiceRatio(fillNiceRatio);
            }
            else
                a.setMode(AdaptationMode.OFF);
        }
    }
}
