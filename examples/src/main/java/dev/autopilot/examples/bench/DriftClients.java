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

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.autopilot.examples.workload.ParameterStyle;
import dev.autopilot.examples.workload.QueryRunner;
import dev.autopilot.examples.workload.QueryTemplate;

/**
 * The JDBC thin clients of one run: {@code readers} threads that each run the current phase's mix back to back on
 * their own connection (closed loop, so that throughput shows what the cluster can serve), and one writer that sends
 * the update at a fixed rate (open loop, so that every configuration gets the same writes). The phase is the one the
 * run's clock is in, so that phases start at the same second in every configuration. Seeds are fixed: every
 * configuration is sent the same sequence of statements by each thread. Readers read only in their configuration's
 * {@link ReadTurns}, and start a query only where it is expected to end within the turn (by what that reader's queries
 * of its template took lately), noting the ends of turns they leave unused in {@link ReadSeconds}; the writer writes
 * throughout.
 */
final class DriftClients {
    private static final int QUERY_TIMEOUT_SECONDS = 60;

    /** Weight of the latest latency of a template in what a reader expects its next query of it to take. */
    private static final double LATENCY_WEIGHT = 0.25;

    private final String jdbcUrl;
    private final List<DriftPhase> phases;
    private final QueryTemplate write;
    private final int readers;
    private final double writesPerSecond;
    private final long phaseNanos;
    private final ReadTurns turns;
    private final ReadSeconds readSeconds;

    DriftClients(String jdbcUrl, List<DriftPhase> phases, QueryTemplate write, int readers, double writesPerSecond,
        int phaseSeconds, ReadTurns turns, ReadSeconds readSeconds) {
        this.jdbcUrl = jdbcUrl;
        this.phases = phases;
        this.write = write;
        this.readers = readers;
        this.writesPerSecond = writesPerSecond;
        this.phaseNanos = TimeUnit.SECONDS.toNanos(phaseSeconds);
        this.turns = turns;
        this.readSeconds = readSeconds;
    }

    /** Runs every phase from {@code startNanos} on; returns when the last one ended. */
    void run(long startNanos, DriftRecorder reads, DriftRecorder writes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                long seed = 1000L + i;
                threads.add(pool.submit(() -> read(startNanos, new Random(seed), reads)));
            }
            threads.add(pool.submit(() -> write(startNanos, phaseNanos * phases.size(), writesPerSecond, new Random(7),
                writes)));
            for (Future<?> f : threads)
                f.get();
        }
        finally {
            pool.shutdownNow();
            pool.awaitTermination(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Void read(long start, Random random, DriftRecorder out) throws SQLException, InterruptedException {
        long duration = phaseNanos * phases.size();
        Map<String, Double> expectedMillis = new HashMap<>();
        try (QueryRunner runner = new QueryRunner(jdbcUrl, QUERY_TIMEOUT_SECONDS)) {
            while (true) {
                long now = System.nanoTime();
                if (now - start >= duration)
                    return null;
                int phase = (int)((now - start) / phaseNanos);
                DriftPhase p = phases.get(phase);
                QueryTemplate t = p.pick(random.nextInt(p.totalWeight()));
                List<Object> values = t.nextParameters(random);
                long unused = turns.await(Math.round(expectedMillis.getOrDefault(t.name(), 0.0)));
                readSeconds.leftUnused((now - start) / 1e9, unused / 1000.0);
                long began = System.nanoTime();
                if ((began - start) / phaseNanos != phase)
                    continue;
                long took = execute(runner, t, values, start, phase, began, out);
                if (took >= 0)
                    expectedMillis.merge(t.name(), took / 1e6, (old, last) -> old + LATENCY_WEIGHT * (last - old));
            }
        }
    }

    /**
     * Sends only the update, {@code rate} times a second for {@code seconds}, recorded as one phase: what a write
     * costs with the structures in place and no reads competing for the CPU.
     */
    void writeAlone(int seconds, double rate, DriftRecorder out) throws SQLException, InterruptedException {
        write(System.nanoTime(), TimeUnit.SECONDS.toNanos(seconds), rate, new Random(8), out);
    }

    private Void write(long start, long duration, double rate, Random random, DriftRecorder out)
        throws SQLException, InterruptedException {
        long interval = (long)(1e9 / rate);
        try (QueryRunner runner = new QueryRunner(jdbcUrl, QUERY_TIMEOUT_SECONDS)) {
            for (long next = start; next - start < duration; next += interval) {
                long wait = next - System.nanoTime();
                if (wait > 0)
                    TimeUnit.NANOSECONDS.sleep(wait);
                long now = System.nanoTime();
                int phase = (int)Math.min((now - start) / phaseNanos, out.phases() - 1);
                execute(runner, write, write.nextParameters(random), start, phase, now, out);
            }
        }
        return null;
    }

    /** @return how long the statement took in nanoseconds, or -1 if it failed */
    private static long execute(QueryRunner runner, QueryTemplate t, List<Object> values, long start, int phase,
        long began, DriftRecorder out) throws SQLException {
        int second = (int)TimeUnit.NANOSECONDS.toSeconds(began - start);
        try {
            runner.execute(t, values, ParameterStyle.BIND);
            long took = System.nanoTime() - began;
            out.success(t.name(), phase, second, took);
            return took;
        }
        catch (SQLException e) {
            out.failure(t.name(), second, e.getMessage());
            runner.reconnectIfClosed();
            return -1;
        }
    }
}
