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

package dev.autopilot.affinity.apply;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import dev.autopilot.affinity.plan.PlannerSettings;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.Forecaster;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import dev.autopilot.forecast.model.Regressor;
import dev.autopilot.forecast.series.CleaningReport;
import dev.autopilot.forecast.series.CsvTraceReader;
import dev.autopilot.forecast.series.SeriesCleaner;
import dev.autopilot.forecast.series.TimeSeries;
import dev.autopilot.testkit.IgniteTestCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.Test;

import static dev.autopilot.sql.tables.AutopilotTables.PLAN_CHANGES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evening peak of a real trace (NYC taxi, Tuesday 2014-07-15, 15:30 to 24:00 in 30-minute windows), replayed with
 * a window lasting 2 s, against 4 server nodes: 3 in the baseline, node 3 a standby outside it. Each node is configured
 * to carry {@value #NODE_CAPACITY} trace units of load (a small striped pool, 2 threads); the peak (up to 27,000) needs
 * four. An ml-forecast forecaster trained on the two weeks before predicts 6 windows ahead (its baselines: Holt-Winters
 * and seasonal naive, which train in under a second and see this peak coming earlier than the linear model); the
 * {@link StandbyScaler}
 * decides every 500 ms and applies its decisions. Writers put at the trace's rate (1/40 of it per second), over
 * partitions of skewed weight, and remember every acknowledged value.
 */
class PlanChangeReplayTest {
    /** The first 16 days of the NYC taxi trace, from test resources (see {@code load-traces/README.md} there). */
    private static final String TRACE = "/load-traces/nyc_taxi_2014-07-01_16d.csv";
    private static final int PARTS = 64;
    private static final int KEYS = 8_000;
    private static final String CACHE = "replayed";
    private static final long WINDOW_MILLIS = 2_000;
    private static final double SCALE = 1.0 / 40;
    private static final double NODE_CAPACITY = 7_000;
    /** Window index of 2014-07-15 15:30 in the trace, which starts 2014-07-01 00:00. */
    private static final int FIRST = 14 * 48 + 31;
    private static final int WINDOWS = 17;
    private static final int HORIZON = 6;
    /**
     * One and a half windows: the forecast of the spike's first window wavers around the capacity (from 16:30 it is
     * 18,600, then 21,900, then 19,900, while 18:00 brought 23,400), so a change timed for the first window predicted
     * above capacity could start inside the real first one.
     */
    private static final long MARGIN_MILLIS = 3_000;

    @Test
    void standbyNodeJoinsBeforeThePredictedPeakAndLeavesAfterItWithoutLosingAnUpdate() throws Exception {
        TimeSeries trace = trace();
        long trainStart = System.nanoTime();
        Forecaster.Bound forecaster = Forecaster.train(trace, FIRST, ForecastSettings.builder().horizon(HORIZON)
            .regressors(EnumSet.noneOf(Regressor.class)).build(), new LocalTrainingBackend(1)).bind(trace);
        System.out.printf("forecaster trained in %d ms%n", (System.nanoTime() - trainStart) / 1_000_000);
        double[] share = shares();

        try (IgniteTestCluster cluster = new IgniteTestCluster(cfg -> cfg.setStripedPoolSize(2))) {
            List<String> three = Assignments.startPlannedBaseline(cluster, CACHE, PARTS);
            Ignite first = cluster.node(0);
            first.getOrCreateCache(PLAN_CHANGES.cacheConfiguration(0));
            cluster.startNode(3);

            BaselinePlanExecutor executor = new BaselinePlanExecutor(first, CACHE, CACHE, 30_000);
            StandbyScaler scaler = new StandbyScaler(CACHE, StandbyScaler.Mode.APPLY, executor,
                new ScaleDecider(NODE_CAPACITY * SCALE, 3, 4, MARGIN_MILLIS), new RebalanceEstimator(800, 20_000),
                new PlanChangeLog(first), new PlannerSettings().setMaxMovesPerStep(PARTS), 1.1, id -> cluster.stop(cluster.node(id)));

            double[] rate = new double[1];
            rate[0] = trace.value(FIRST) * SCALE;
            AtomicLongArray opsAt = new AtomicLongArray(WINDOWS + 1);
            for (int i = 0; i <= WINDOWS; i++)
                opsAt.set(i, -1);
            List<PlanChangeRecord> changes = new ArrayList<>();
            try (AckedWriters writers = new AckedWriters(first, CACHE, KEYS, 4, share, () -> rate[0]).start()) {
                long t0 = System.currentTimeMillis() + 500;
                ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
                for (int i = 0; i <= WINDOWS; i++) {
                    int w = i;
                    clock.schedule(() -> {
                        opsAt.set(w, writers.ops());
                        if (w < WINDOWS)
                            rate[0] = trace.value(FIRST + w) * SCALE;
                    }, t0 + i * WINDOW_MILLIS - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
                }
                int observed = 0;
                for (long now = System.currentTimeMillis(); now < t0 + WINDOWS * WINDOW_MILLIS;
                     now = System.currentTimeMillis()) {
                    int window = (int)Math.max(0, Math.floorDiv(now - t0, WINDOW_MILLIS));
                    for (; observed < window && observed < WINDOWS && opsAt.get(observed + 1) >= 0; observed++) {
                        double measured = (opsAt.get(observed + 1) - opsAt.get(observed)) * 1000.0 / WINDOW_MILLIS;
                        System.out.printf("window %d (+%d ms): trace %.0f, measured %.0f puts/s, %d nodes%n", observed,
                            observed * WINDOW_MILLIS, trace.value(FIRST + observed) * SCALE, measured,
                            executor.baseline().size());
                        scaler.observe(t0 + observed * WINDOW_MILLIS, measured);
                    }
                    LoadOutlook outlook = LoadOutlook.of(forecaster.forecast(FIRST + window - 1),
                        t0 + window * WINDOW_MILLIS, WINDOW_MILLIS, SCALE);
                    Optional<PlanChangeRecord> change = scaler.step(now, outlook, share);
                    if (change.isPresent()) {
                        changes.add(change.get());
                        PlanChangeRecord r = change.get();
                        System.out.printf("window %d: %s %s from +%d to +%d ms (predicted spike window at +%d ms); "
                                + "rebalance estimated %d ms, took %d ms; %d partitions, %d rows moved%n", window,
                            r.action(), r.outcome(), r.startedAt() - t0, r.endedAt() - t0,
                            r.spikeAt() == 0 ? 0 : r.spikeAt() - t0, r.rebalanceEstimateMillis(),
                            r.rebalanceActualMillis(), r.moved().size(), r.rowsMoved());
                        assertEquals("DONE", change.get().outcome(), change.get().reason());
                        Assignments.assertOnEveryNode(cluster.nodes(), CACHE,
                            Assignments.rows(executor.storedPlan(executor.baseline()).orElseThrow()),
                            "after " + change.get().action() + ", the published plan of " + executor.baseline());
                    }
                    Thread.sleep(500);
                }
                clock.shutdown();
                writers.close();
                System.out.printf("puts %d, retried %d, over 100 ms %d, longest %d ms%n", writers.ops(),
                    writers.retries(), writers.stalls(), writers.maxPutMillis());
                writers.assertEveryCopyHoldsTheLastAckedValue(cluster.nodes(), CACHE);
            }

            assertEquals(2, changes.size(), "one add before the peak, one removal after it: " + changes);
            assertEquals(ScaleDecider.Action.ADD, changes.get(0).action());
            assertEquals(ScaleDecider.Action.REMOVE, changes.get(1).action());
            assertTrue(changes.get(1).planReused(), "back to three nodes: the plan published for them at the start");
            assertEquals(three, executor.baseline());

            List<List<?>> rows = first.cache(PLAN_CHANGES.cacheName()).query(new SqlFieldsQuery(
                "SELECT ACTION, OUTCOME, STARTED_AT, ENDED_AT, SPIKE_AT, REBALANCE_ESTIMATE_MS, REBALANCE_ACTUAL_MS, "
                    + "PREDICTED_LOAD, ACTUAL_LOAD, CAPACITY, PARTITIONS_MOVED, REASON FROM AUTOPILOT.PLAN_CHANGES "
                    + "ORDER BY DECIDED_AT")).getAll();
            rows.forEach(r -> System.out.println("PLAN_CHANGES: " + r));
            assertEquals(2, rows.size());
            List<?> add = rows.get(0);
            assertEquals("ADD", add.get(0));
            long started = ((Timestamp)add.get(2)).getTime();
            long ended = ((Timestamp)add.get(3)).getTime();
            long spike = ((Timestamp)add.get(4)).getTime();
            assertTrue(started < spike, "the change starts before the predicted spike window");
            // Whether the rebalance also ended before the spike depends on how busy the machine is: a figure, not a check.
            System.out.printf("rebalancing ended %d ms %s the predicted spike window%n", Math.abs(spike - ended),
                ended <= spike ? "before" : "after");
            assertTrue(((Number)add.get(10)).intValue() > 0, "partitions moved to the standby node");
            assertFalse(add.get(8) == null, "the load measured in the spike window is recorded");
        }
    }

    private static TimeSeries trace() throws Exception {
        CleaningReport report = new CleaningReport();
        try (Reader in = new InputStreamReader(PlanChangeReplayTest.class.getResourceAsStream(TRACE),
            StandardCharsets.UTF_8)) {
            return SeriesCleaner.clean(CsvTraceReader.read(in, report), 0, report).series();
        }
    }

    /** Log-normal partition weights (sigma 0.8), summing to 1: some partitions several times hotter than others. */
    private static double[] shares() {
        Random rnd = new Random(8);
        double[] w = new double[PARTS];
        double sum = 0;
        for (int p = 0; p < PARTS; p++) {
            w[p] = Math.exp(0.8 * rnd.nextGaussian());
            sum += w[p];
        }
        for (int p = 0; p < PARTS; p++)
            w[p] /= sum;
        return w;
    }
}
