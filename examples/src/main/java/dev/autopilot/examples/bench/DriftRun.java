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
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.autopilot.examples.cluster.EmbeddedCluster;
import dev.autopilot.examples.workload.LoadResult;
import dev.autopilot.examples.workload.TpchSchema;
import dev.autopilot.examples.workload.TpchStreamLoader;
import dev.autopilot.plugin.AutopilotPlugin;

/**
 * One configuration's part of the drift benchmark: a fresh cluster, TPC-H loaded with the streaming loader, the
 * configuration's preparation, then the drifting workload with its writes while a {@link StructureProbe} watches.
 *
 * @param springXml node configuration
 * @param nodes server nodes
 * @param scale TPC-H scale factor
 * @param workload phases and the write
 * @param phaseSeconds length of each phase
 * @param readers closed-loop reading clients
 * @param writesPerSecond rate of the updates during the workload
 * @param quietSeconds how long the updates run alone after the workload, at {@link #QUIET_WRITES_PER_SECOND}
 * @param settings Autopilot settings
 */
record DriftRun(Path springXml, int nodes, double scale, DriftWorkload workload, int phaseSeconds, int readers,
    double writesPerSecond, int quietSeconds, DriftSetup.AutopilotSettings settings) {
    /** Rate of the updates that run alone after the workload. */
    static final double QUIET_WRITES_PER_SECOND = 20;

    /**
     * Length of a reading turn of configurations that run at the same time: a few of static's scans, up to about a
     * second each on this host, fit in one.
     */
    static final long READ_TURN_MILLIS = 2_000;

    /**
     * How long from each phase start Autopilot holds the turns of all (and longer while an adaptation is on its way):
     * it notices a phase from the latencies of its own queries, as many of them as it would run on a machine of its own.
     */
    static final int HOLD_FROM_PHASE_START_SECONDS = 20;

    /**
     * Runs {@code setup} on ports from {@code base}; the cluster is stopped when it returns.
     *
     * @param together where configurations running at the same time meet before their workload, or null if this one
     *     runs alone
     */
    ConfigRun run(DriftSetup setup, int base, Rendezvous together) throws Exception {
        List<DriftPhase> phases = workload.phases();
        int seconds = phaseSeconds * phases.size();
        try (Rendezvous.Preparing preparing = together == null ? Rendezvous.Preparing.NONE : together.prepareAlone();
             EmbeddedCluster cluster = setup.start(springXml, nodes, base, settings)) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0))) {
                TpchSchema.create(c);
            }
            LoadResult loaded = TpchStreamLoader.load(cluster.nodes().get(0), scale);
            System.out.printf(Locale.ROOT, "[%s] %d nodes, %,d line items loaded in %.1f s%n", setup.label(), nodes,
                loaded.lineItems(), loaded.elapsed().toMillis() / 1000.0);

            try (StructureProbe probe = new StructureProbe(cluster.jdbcUrl(0),
                new StructureMemory(cluster, setup.autopilot()), phases, phaseSeconds, setup.label())) {
                long prepareStart = System.nanoTime();
                setup.prepare(cluster);
                double setupSeconds = (System.nanoTime() - prepareStart) / 1e9;
                if (setup != DriftSetup.STATIC)
                    System.out.printf(Locale.ROOT, "[%s] %s in %.1f s%n", setup.label(), setup == DriftSetup.HAND_TUNED
                        ? "structures created" : "statistics collected and adaptation warmed up", setupSeconds);
                ReadWarmUp.run(cluster, setup == DriftSetup.AUTOPILOT);
                preparing.close();

                ReadTurns turns = together == null ? ReadTurns.ALONE
                    : together.meet(READ_TURN_MILLIS, setup == DriftSetup.AUTOPILOT);
                long wait = turns.epochMillis() - System.currentTimeMillis();
                if (wait > 0)
                    TimeUnit.MILLISECONDS.sleep(wait);
                DriftRecorder reads = new DriftRecorder(seconds, phases.size());
                DriftRecorder writes = new DriftRecorder(seconds, phases.size());
                ReadSeconds readSeconds = new ReadSeconds(seconds, readers);
                turns.hold(true);
                long startMillis = System.currentTimeMillis();
                long start = System.nanoTime();
                long end = start + TimeUnit.SECONDS.toNanos(seconds);
                ExecutorService watchers = Executors.newFixedThreadPool(3);
                try (AdaptationProgress progress = setup == DriftSetup.AUTOPILOT
                    ? new AdaptationProgress(AutopilotPlugin.of(cluster.nodes().get(0)), cluster.jdbcUrl(0)) : null) {
                    List<Future<?>> watching = new ArrayList<>();
                    watching.add(watchers.submit(() -> {
                        probe.watch(start, end);
                        return null;
                    }));
                    watching.add(watchers.submit(() -> {
                        readSeconds.follow(turns, start, end);
                        return null;
                    }));
                    if (progress != null) {
                        watching.add(watchers.submit(() -> {
                            progress.follow(start, end, adapting -> turns.hold(adapting
                                || (System.nanoTime() - start) / 1e9 % phaseSeconds < HOLD_FROM_PHASE_START_SECONDS));
                            return null;
                        }));
                    }
                    DriftClients clients = new DriftClients(cluster.jdbcUrl(), phases, workload.write(), readers,
                        writesPerSecond, phaseSeconds, turns, readSeconds);
                    clients.run(start, reads, writes);
                    for (Future<?> f : watching)
                        f.get();
                    probe.sample((System.nanoTime() - start) / 1e9);
                    DriftRecorder quiet = new DriftRecorder(quietSeconds, 1);
                    clients.writeAlone(quietSeconds, QUIET_WRITES_PER_SECOND, quiet);
                    Map<String, List<String>> steps = progress == null ? Map.of() : progress.steps();
                    List<AdaptationEvent> adaptations = setup.autopilot()
                        ? AutopilotPlugin.of(cluster.nodes().get(0)).adaptation().adaptations().stream()
                            .filter(a -> !AdaptationWarmUp.TABLE.equals(a.table()))
                            .map(a -> AdaptationEvent.of(a, startMillis, steps.get(a.id()))).toList()
                        : List.of();
                    reads.firstErrors().forEach((t, e) -> System.out.printf("[%s] %s failed, first error: %s%n",
                        setup.label(), t, e));
                    writes.firstErrors().forEach((t, e) -> System.out.printf("[%s] %s failed, first error: %s%n",
                        setup.label(), t, e));
                    return new ConfigRun(setup, reads, writes, quiet, probe.inUseTimes(), probe.indexesUsed(),
                        probe.samples(), adaptations, progress == null ? List.of() : progress.profiles(),
                        setupSeconds, readSeconds);
                }
                finally {
                    turns.hold(false);
                    watchers.shutdownNow();
                }
            }
        }
    }
}
