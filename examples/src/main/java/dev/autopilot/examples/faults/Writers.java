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

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;

/**
 * Two writers that change {@link FaultTable} while adaptations run and nodes die, recording in a {@link WriteLedger}
 * what they sent and what was acknowledged: one through JDBC thin ({@code UPDATE} of the even rows, and
 * {@code INSERT} of new rows), one through the thin client's key-value {@code put} (the odd rows). Rows below
 * {@code frozen} are left alone. A failed write is not retried: it may or may not have landed.
 */
public final class Writers implements AutoCloseable {
    /** Pause between two writes of one writer, so that two cores also serve the nodes and the checks. */
    private static final long PAUSE_MILLIS = 2;

    private final WriteLedger ledger;
    private final int rows;
    private final int frozen;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong nextInsert;

    /**
     * @param ledger where writes are recorded
     * @param rows rows loaded, {@code 0 .. rows-1}; new rows get ids from {@code rows} on
     * @param frozen rows below this id are not written; even
     */
    Writers(WriteLedger ledger, int rows, int frozen) {
        if (frozen % 2 != 0 || rows - frozen < 2)
            throw new IllegalArgumentException("frozen must be even and below rows - 1: " + frozen);
        this.ledger = ledger;
        this.rows = rows;
        this.frozen = frozen;
        this.nextInsert = new AtomicLong(rows);
    }

    /** Starts the JDBC writer on {@code jdbcUrl} and the key-value writer on {@code client}. */
    void start(String jdbcUrl, IgniteClient client, String valueType) {
        Jdbc jdbc = new Jdbc(jdbcUrl);
        threads.add(thread("jdbc-writer", 0, jdbc, (id, v) -> {
            if (id < 0) {
                try (PreparedStatement ps = jdbc.get().prepareStatement(
                    "INSERT INTO T (ID, A, B, C, S, V) VALUES (?, ?, ?, ?, ?, ?)")) {
                    FaultTable.bind(ps, -id, v);
                    ps.executeUpdate();
                }
                return;
            }
            try (PreparedStatement ps = jdbc.get().prepareStatement(
                "UPDATE T SET A = ?, B = ?, C = ?, S = ?, V = ? WHERE ID = ?")) {
                ps.setInt(1, FaultTable.a(v));
                ps.setLong(2, FaultTable.b(v));
                ps.setInt(3, FaultTable.c(v));
                ps.setString(4, FaultTable.s(v));
                ps.setLong(5, v);
                ps.setInt(6, id);
                int n = ps.executeUpdate();
                if (n != 1)
                    throw new IllegalStateException(n + " rows updated for ID " + id);
            }
        }));
        ClientCache<Integer, BinaryObject> kv = client.<Integer, BinaryObject>cache("SQL_PUBLIC_T").withKeepBinary();
        threads.add(thread("kv-writer", 1, null, (id, v) -> kv.put(id, client.binary().builder(valueType)
            .setField("A", FaultTable.a(v)).setField("B", FaultTable.b(v)).setField("C", FaultTable.c(v))
            .setField("S", FaultTable.s(v)).setField("V", v).build())));
        threads.forEach(Thread::start);
    }

    /** @return writes acknowledged */
    public long acked() {
        return acked.get();
    }

    /** @return writes that failed (each may or may not have landed) */
    public long failed() {
        return failed.get();
    }

    /** Stops the writers and waits for them. */
    @Override public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads)
            t.join();
    }

    /**
     * A writer of the rows {@code id % 2 == slot} at or above {@code frozen}; the JDBC writer (slot 0) inserts a new
     * row every tenth write, passing its id negated.
     */
    private Thread thread(String name, int slot, Jdbc jdbc, Write write) {
        Thread t = new Thread(() -> {
            long v = (slot + 1) * 1_000_000_000L;
            long n = 0;
            try {
                while (!stop.get()) {
                    v++;
                    boolean insert = slot == 0 && ++n % 10 == 0;
                    int id = insert ? (int)nextInsert.getAndIncrement() : pick(slot);
                    ledger.sent(id, v);
                    try {
                        write.run(insert ? -id : id, v);
                        ledger.acked(id, v);
                        acked.incrementAndGet();
                    }
                    catch (Exception e) {
                        failed.incrementAndGet();
                        if (jdbc != null && e instanceof SQLException)
                            jdbc.reset();
                    }
                    Thread.sleep(PAUSE_MILLIS);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finally {
                if (jdbc != null)
                    jdbc.close();
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private int pick(int slot) {
        return frozen + 2 * ThreadLocalRandom.current().nextInt((rows - frozen) / 2) + slot;
    }

    /** Reads a row's value type name, which a key-value writer builds its values with. */
    static String valueType(Jdbc jdbc) throws SQLException {
        try (PreparedStatement ps = jdbc.get().prepareStatement("SELECT VALUE_TYPE_NAME FROM SYS.TABLES "
            + "WHERE SCHEMA_NAME = 'PUBLIC' AND TABLE_NAME = 'T'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @FunctionalInterface
    private interface Write {
        void run(int id, long v) throws Exception;
    }
}
