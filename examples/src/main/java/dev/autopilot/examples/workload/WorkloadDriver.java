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

package dev.autopilot.examples.workload;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Replays a {@link DriftingWorkload} against a cluster through JDBC thin connections, as a set of concurrent
 * clients would, and measures it from the client side.
 *
 * <p>Each of the {@code concurrency} threads has its own connection and its own seeded {@link Random} for
 * parameter values, kept for the whole run. Phases run one after another; a phase ends when its query budget or
 * its time is used up, then the {@link PhaseListener} is called. Errors are counted, not thrown; a connection that
 * broke is reopened. Threads and connections are closed when {@link #run} returns or throws.
 */
public final class WorkloadDriver {
    /** How long {@link #run} waits for its threads after closing their connections. */
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final String jdbcUrl;

    private final int concurrency;

    private final long seed;

    private final ParameterStyle styleOverride;

    private final PhaseListener listener;

    private final ExecutionListener executionListener;

    private final int queryTimeoutSeconds;

    private final LongSupplier ticker;

    private WorkloadDriver(Builder builder) {
        this.jdbcUrl = builder.jdbcUrl;
        this.concurrency = builder.concurrency;
        this.seed = builder.seed;
        this.styleOverride = builder.styleOverride;
        this.listener = builder.listener;
        this.executionListener = builder.executionListener;
        this.queryTimeoutSeconds = builder.queryTimeoutSeconds;
        this.ticker = builder.ticker;
    }

    /** A driver for the cluster at {@code jdbcUrl} (e.g. {@code jdbc:ignite:thin://127.0.0.1:10800}). */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /** Runs every phase of {@code workload} in order; returns what each phase measured. */
    public WorkloadResult run(DriftingWorkload workload) throws SQLException, InterruptedException {
        List<QueryRunner> runners = new ArrayList<>(concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, DaemonThreads.named("workload-driver"));

        try {
            List<Random> randoms = new ArrayList<>(concurrency);

            for (int i = 0; i < concurrency; i++) {
                runners.add(new QueryRunner(jdbcUrl, queryTimeoutSeconds));
                randoms.add(new Random(seed + 0x9E3779B97F4A7C15L * (i + 1)));
            }

            List<PhaseResult> results = new ArrayList<>();

            for (int index = 0; index < workload.phases().size(); index++) {
                WorkloadPhase phase = workload.phases().get(index);
                PhaseResult result = runPhase(pool, runners, randoms, index, phase);

                results.add(result);
                listener.onPhaseEnd(phase, result);
            }

            return new WorkloadResult(results);
        }
        finally {
            shutDown(pool, runners);
        }
    }

    private PhaseResult runPhase(ExecutorService pool, List<QueryRunner> runners, List<Random> randoms, int index,
        WorkloadPhase phase) throws SQLException, InterruptedException {
        MixDealer dealer = new MixDealer(phase, new Random(seed ^ 0xC2B2AE3D27D4EB4FL * (index + 1)));
        long maxNanos = phase.maxDuration().map(WorkloadDriver::saturatedNanos).orElse(Long.MAX_VALUE);
        long start = ticker.getAsLong();
        List<Future<PhaseTally>> shares = new ArrayList<>(concurrency);

        for (int i = 0; i < concurrency; i++) {
            shares.add(pool.submit(
                new PhaseWorker(runners.get(i), randoms.get(i), dealer, ticker, start, maxNanos, styleOverride,
                    executionListener)));
        }

        PhaseTally tally = new PhaseTally();

        for (Future<PhaseTally> share : shares)
            tally.add(await(share, phase));

        return tally.toResult(index, phase, Duration.ofNanos(ticker.getAsLong() - start));
    }

    private static PhaseTally await(Future<PhaseTally> share, WorkloadPhase phase)
        throws SQLException, InterruptedException {
        try {
            return share.get();
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sqlException)
                throw sqlException;

            throw new IllegalStateException("a driver thread failed in phase " + phase.name(), e.getCause());
        }
    }

    /** Interrupts the threads, closes the connections (which unblocks threads waiting on a socket), then waits. */
    private static void shutDown(ExecutorService pool, List<QueryRunner> runners) throws SQLException {
        pool.shutdownNow();

        SQLException first = null;

        for (QueryRunner runner : runners) {
            try {
                runner.close();
            }
            catch (SQLException e) {
                if (first == null)
                    first = e;
                else
                    first.addSuppressed(e);
            }
        }

        try {
            pool.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        if (first != null)
            throw first;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        }
        catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Settings of a {@link WorkloadDriver}; each setter checks its value. */
    public static final class Builder {
        private final String jdbcUrl;

        private int concurrency = 4;

        private long seed = 42;

        private ParameterStyle styleOverride;

        private PhaseListener listener = (phase, result) -> { };

        private ExecutionListener executionListener = (template, startedAtMillis, nanos, succeeded) -> { };

        private int queryTimeoutSeconds = 30;

        private LongSupplier ticker = System::nanoTime;

        private Builder(String jdbcUrl) {
            if (jdbcUrl == null || jdbcUrl.isBlank())
                throw new IllegalArgumentException("jdbcUrl must be set: " + jdbcUrl);

            this.jdbcUrl = jdbcUrl;
        }

        /** Client threads, each with its own connection; default 4. */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1)
                throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);

            this.concurrency = concurrency;

            return this;
        }

        /** Seed of the template order and of every thread's parameter values; default 42. */
        public Builder seed(long seed) {
            this.seed = seed;

            return this;
        }

        /** Sends every template's parameters in {@code style}; by default each template's own style is used. */
        public Builder parameterStyle(ParameterStyle style) {
            this.styleOverride = Objects.requireNonNull(style, "parameterStyle");

            return this;
        }

        /** Called after each phase; default does nothing. */
        public Builder listener(PhaseListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");

            return this;
        }

        /** Called after every execution, on the driver's threads; default does nothing. */
        public Builder executionListener(ExecutionListener executionListener) {
            this.executionListener = Objects.requireNonNull(executionListener, "executionListener");

            return this;
        }

        /** JDBC query timeout of every statement; default 30 s, at least 1 s. */
        public Builder queryTimeout(Duration timeout) {
            if (timeout == null || timeout.getSeconds() < 1)
                throw new IllegalArgumentException("queryTimeout must be at least 1 s: " + timeout);

            this.queryTimeoutSeconds = (int)Math.min(Integer.MAX_VALUE, timeout.getSeconds());

            return this;
        }

        /** Source of nanosecond time for phase budgets and latencies; default {@link System#nanoTime}. */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");

            return this;
        }

        public WorkloadDriver build() {
            return new WorkloadDriver(this);
        }
    }
}
