package dev.autopilot.examples.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
 * {@link ReadTurns}; the writer writes throughout.
 */
final class DriftClients {
    private static final int QUERY_TIMEOUT_SECONDS = 60;

    private final String jdbcUrl;
    private final List<DriftPhase> phases;
    private final QueryTemplate write;
    private final int readers;
    private final double writesPerSecond;
    private final long phaseNanos;
    private final ReadTurns turns;

    DriftClients(String jdbcUrl, List<DriftPhase> phases, QueryTemplate write, int readers, double writesPerSecond,
        int phaseSeconds, ReadTurns turns) {
        this.jdbcUrl = jdbcUrl;
        this.phases = phases;
        this.write = write;
        this.readers = readers;
        this.writesPerSecond = writesPerSecond;
        this.phaseNanos = TimeUnit.SECONDS.toNanos(phaseSeconds);
        this.turns = turns;
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
        try (QueryRunner runner = new QueryRunner(jdbcUrl, QUERY_TIMEOUT_SECONDS)) {
            while (true) {
                turns.await();
                long now = System.nanoTime();
                if (now - start >= duration)
                    return null;
                int phase = (int)((now - start) / phaseNanos);
                DriftPhase p = phases.get(phase);
                QueryTemplate t = p.pick(random.nextInt(p.totalWeight()));
                execute(runner, t, t.nextParameters(random), start, phase, now, out);
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

    private static void execute(QueryRunner runner, QueryTemplate t, List<Object> values, long start, int phase,
        long began, DriftRecorder out) throws SQLException {
        int second = (int)TimeUnit.NANOSECONDS.toSeconds(began - start);
        try {
            runner.execute(t, values, ParameterStyle.BIND);
            out.success(t.name(), phase, second, System.nanoTime() - began);
        }
        catch (SQLException e) {
            out.failure(t.name(), second, e.getMessage());
            runner.reconnectIfClosed();
        }
    }
}
