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

package dev.autopilot.examples.faults;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import dev.autopilot.examples.cluster.ProcessCluster;
import org.apache.ignite.Ignition;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;

/**
 * Writers on {@link FaultTable} with every acknowledged write recorded, and the {@link RowCheck} running every
 * {@value #CHECK_PERIOD_MILLIS} ms while they write: a write lost, a wrong value or a wrong result shows while the
 * run goes on, not only after it. Reads and writes go through JDBC thin and the thin client, to any node.
 */
public final class CheckedWrites implements AutoCloseable {
    private static final long CHECK_PERIOD_MILLIS = 1000;

    private final IgniteClient client;
    private final Writers writers;
    private final RowCheck check;
    private final ScheduledExecutorService checker;
    private final AtomicLong epoch;

    private CheckedWrites(IgniteClient client, Writers writers, RowCheck check, AtomicLong epoch) {
        this.client = client;
        this.epoch = epoch;
        this.writers = writers;
        this.check = check;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "row-check");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts writing and checking; the table is loaded ({@link FaultTable#create}).
     *
     * @param cluster the nodes
     * @param rows rows loaded
     * @param frozen rows below this id (even) are not written, for the rewrite check
     */
    public static CheckedWrites start(ProcessCluster cluster, int rows, int frozen) throws SQLException {
        WriteLedger ledger = new WriteLedger();
        for (int id = 0; id < rows; id++)
            ledger.loaded(id, id);
        String valueType;
        try (Jdbc jdbc = new Jdbc(cluster.jdbcUrl())) {
            valueType = Writers.valueType(jdbc);
        }
        IgniteClient client = Ignition.startClient(new ClientConfiguration()
            .setAddresses(cluster.clientAddresses()).setTimeout(10_000));
        AtomicLong epoch = new AtomicLong();
        CheckedWrites w = new CheckedWrites(client, new Writers(ledger, rows, frozen),
            new RowCheck(ledger, cluster.jdbcUrl(), frozen, epoch::get), epoch);
        w.writers.start(cluster.jdbcUrl(), client, valueType);
        w.checker.scheduleWithFixedDelay(w.check::round, 0, CHECK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return w;
    }

    /** Tells the checks that a node is about to be killed: rounds from now on count nothing. */
    public void nodeDown() {
        if (epoch.get() % 2 == 0)
            epoch.incrementAndGet();
    }

    /** Tells the checks that the node is back and every partition has its copies again: rounds count again. */
    public void settled() {
        if (epoch.get() % 2 != 0)
            epoch.incrementAndGet();
    }

    /** Stops the writers, then checks once more, with nothing in flight. */
    public void finish() throws InterruptedException {
        writers.close();
        checker.shutdown();
        if (!checker.awaitTermination(5, TimeUnit.MINUTES))
            throw new IllegalStateException("A check round hangs");
        check.round();
    }

    /** @return rows lost: missing, or holding a version older than one acknowledged */
    public int lostRows() {
        return check.lostRows();
    }

    /** @return rows holding values no write put there */
    public int wrongValues() {
        return check.wrongValues();
    }

    /** @return derived values other than their expressions', and queries that answered otherwise rewritten */
    public long wrongResults() {
        return check.wrongResults();
    }

    /** @return writes acknowledged */
    public long acked() {
        return writers.acked();
    }

    /** @return a line on the writes and the checks */
    public String summary() {
        return writers.acked() + " writes acknowledged, " + writers.failed() + " failed; " + check.rounds()
            + " check rounds (" + check.failedReads() + " cut short by a failed read, " + check.unstableRounds()
            + " during a kill or rebalance with " + check.discarded() + " findings not counted, "
            + check.rewrittenPlans() + " with a query planned on a derived column)";
    }

    @Override public void close() throws InterruptedException {
        checker.shutdownNow();
        writers.close();
        check.close();
        client.close();
    }
}
