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


package dev.autopilot.examples.differential;

import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.plugin.AdaptationConfiguration;
import dev.autopilot.plugin.AdaptationMode;
import org.apache.ignite.IgniteException;
import org.apache.ignite.internal.processors.query.calcite.CalciteQueryProcessor;
import org.apache.ignite.internal.util.typedef.X;

/**
 * The two clusters compared: plain Ignite, and Ignite with Autopilot whose manager adapts by itself (AUTO, one-second
 * windows, any slowdown counts), both from the same Spring XML, on ports of their own picked per run.
 */
public final class DifferentialClusters implements AutoCloseable {
    /**
     * How long Ignite's planner may plan one statement, instead of Ignite's 15 s: generated statements are planned on
     * a shared 2-core machine by two clusters at once, and a plan given up on one side only is no difference.
     */
    public static final long PLANNER_TIMEOUT_MILLIS = 60_000;

    private final EmbeddedCluster plain;
    private final EmbeddedCluster autopilot;

    private DifferentialClusters(EmbeddedCluster plain, EmbeddedCluster autopilot) {
        this.plain = plain;
        this.autopilot = autopilot;
    }

    /** How often the clusters are started on other ports when a port is taken. */
    private static final int START_ATTEMPTS = 3;

    /**
     * Starts {@code nodes} plain nodes and {@code nodes} Autopilot nodes configured by {@code springXml}, on ports
     * picked at random below Linux's ephemeral range, again on others when one is taken.
     */
    public static DifferentialClusters start(Path springXml, int nodes) throws Exception {
        if (System.getProperty(CalciteQueryProcessor.IGNITE_CALCITE_PLANNER_TIMEOUT) == null)
            System.setProperty(CalciteQueryProcessor.IGNITE_CALCITE_PLANNER_TIMEOUT, "" + PLANNER_TIMEOUT_MILLIS);
        for (int attempt = 1; ; attempt++) {
            try {
                return start(springXml, nodes, 20_000 + ThreadLocalRandom.current().nextInt(120) * 100);
            }
            catch (IgniteException e) {
                if (attempt == START_ATTEMPTS || !X.hasCause(e, BindException.class))
                    throw e;
            }
        }
    }

    private static DifferentialClusters start(Path springXml, int nodes, int base) throws Exception {
        EmbeddedCluster plain = EmbeddedCluster.start(springXml, nodes, base + 100, false);
        try {
            EmbeddedCluster autopilot = EmbeddedCluster.start(springXml, nodes, base, true, cfg -> cfg
                .setWindowSeconds(1).setFlushIntervalMillis(200).setStatisticsRefreshSeconds(0)
                .setAdaptation(new AdaptationConfiguration().setMode(AdaptationMode.AUTO).setLatencyThresholdMillis(1)
                    .setSlowWindows(1).setMinNetGain(0).setMinIntervalSeconds(0).setWatchWindows(1)
                    .setFillLatencyRatio(0).setFillNiceRatio(0)));
            return new DifferentialClusters(plain, autopilot);
        }
        catch (Exception | Error e) {
            plain.close();
            throw e;
        }
    }

    public EmbeddedCluster plain() {
        return plain;
    }

    public EmbeddedCluster autopilot() {
        return autopilot;
    }

    @Override public void close() {
        try (plain; autopilot) {
            // Both stop, whichever fails.
        }
    }
}
