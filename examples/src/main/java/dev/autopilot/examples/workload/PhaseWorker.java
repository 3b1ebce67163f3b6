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
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * One driver thread's share of one phase: takes templates from the shared dealer and runs them on its own
 * connection until the dealer runs dry, the phase's time is up or the thread is interrupted.
 */
final class PhaseWorker implements Callable<PhaseTally> {
    private final QueryRunner runner;

    private final Random random;

    private final MixDealer dealer;

    private final LongSupplier ticker;

    private final long startNanos;

    private final long maxNanos;

    private final ParameterStyle styleOverride;

    private final ExecutionListener executionListener;

    PhaseWorker(QueryRunner runner, Random random, MixDealer dealer, LongSupplier ticker, long startNanos,
        long maxNanos, ParameterStyle styleOverride, ExecutionListener executionListener) {
        this.runner = runner;
        this.random = random;
        this.dealer = dealer;
        this.ticker = ticker;
        this.startNanos = startNanos;
        this.maxNanos = maxNanos;
        this.styleOverride = styleOverride;
        this.executionListener = executionListener;
    }

    @Override
    public PhaseTally call() throws SQLException {
        PhaseTally tally = new PhaseTally();

        while (!Thread.currentThread().isInterrupted() && ticker.getAsLong() - startNanos < maxNanos) {
            QueryTemplate template = dealer.next();

            if (template == null)
                break;

            List<Object> values = template.nextParameters(random);
            ParameterStyle style = styleOverride != null ? styleOverride : template.style();
            long sentAt = System.currentTimeMillis();
            long began = ticker.getAsLong();

            try {
                long rows = runner.execute(template, values, style);
                long nanos = ticker.getAsLong() - began;

                tally.success(template.name(), nanos, rows);
                executionListener.onExecution(template.name(), sentAt, nanos, true);
            }
            catch (SQLException e) {
                tally.failure(template.name(), e);
                executionListener.onExecution(template.name(), sentAt, ticker.getAsLong() - began, false);
                runner.reconnectIfClosed();
            }
        }

        return tally;
    }
}
