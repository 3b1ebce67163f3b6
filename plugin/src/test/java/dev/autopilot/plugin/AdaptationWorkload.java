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

package dev.autopilot.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.configuration.ClientConfiguration;
import org.apache.ignite.internal.util.typedef.X;

/**
 * A table {@code PUBLIC.T} and two writers that keep changing it through a thin client while an adaptation runs, one
 * by SQL {@code UPDATE}, one by key-value {@code put}, each owning half of the keys and writing an increasing version
 * to {@code V}; and the checks that follow: no row or write lost, derived values as Ignite SQL computes them, the
 * same rows with and without rewriting.
 */
final class AdaptationWorkload implements AutoCloseable {
    static final String TABLE = "PUBLIC.T";

    static final String PROFILE = """
        {"partition_id": "T", "table": "PUBLIC.T", "version": 1,
         "derived_attributes": [
           {"name": "AP_AB", "expression": "a * b"},
           {"name": "AP_BUCKET", "expression": "FLOOR(c / 10)"}],
         "composite_index": ["AP_BUCKET", "S"]}
        """;

    private static final String[] QUERIES = {
        "SELECT ID, b * a FROM T WHERE A * B BETWEEN -5000 AND 5000 ORDER BY ID",
        "SELECT ID, S FROM T WHERE FLOOR(C / 10) = -3 AND S = 's1' ORDER BY ID",
        "SELECT COUNT(*) FROM T WHERE A * B >= 0"};

    private final int rows;
    private final IgniteClient client;
    private final Map<Integer, Long> confirmed = new ConcurrentHashMap<>();
    private final Map<Integer, Long> uncertain = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<Thread> writers = new ArrayList<>();
    private final ReadWriteLock gate = new ReentrantReadWriteLock();

    /** Creates and loads the table through {@code node}, and connects the writers' client to {@code addresses}. */
    AdaptationWorkload(Ignite node, int rows, String... addresses) {
        this.rows = rows;
        sql(node, "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B BIGINT, C INT, S VARCHAR, V BIGINT) "
            + "WITH \"BACKUPS=1\"");
        for (int i = 0; i < rows; i += 100) {
            StringBuilder values = new StringBuilder();
            for (int j = i; j < i + 100; j++) {
                values.append(j == i ? "" : ", ").append('(').append(j).append(", ")
                    .append(j % 7 == 0 ? "NULL" : String.valueOf(j % 1000 - 500)).append(", ").append(j * 3L)
                    .append(", ").append(j % 400 - 200).append(", 's").append(j % 5).append("', 0)");
            }
            sql(node, "INSERT INTO T (ID, A, B, C, S, V) VALUES " + values);
        }
        client = Ignition.startClient(new ClientConfiguration().setAddresses(addresses).setTimeout(5_000));
    }

    /** Starts the writers, again after {@link #stop}. */
    void start() {
        stop.set(false);
        writers.clear();
        String valueType = (String)client.query(new SqlFieldsQuery("SELECT VALUE_TYPE_NAME FROM SYS.TABLES "
            + "WHERE SCHEMA_NAME = 'PUBLIC' AND TABLE_NAME = 'T'")).getAll().get(0).get(0);
        ClientCache<Object, BinaryObject> kv = client.cache("SQL_PUBLIC_T").withKeepBinary();
        writers.add(writer("sql-update", 0, (id, v) -> {
            Object n = client.query(new SqlFieldsQuery("UPDATE T SET V = ?, A = ?, C = ? WHERE ID = ?")
                .setArgs(v, (int)(v % 1000) - 500, (int)(v % 300) - 150, id)).getAll().get(0).get(0);
            if (((Number)n).intValue() != 1)
                throw new IllegalStateException(n + " rows updated");
        }));
        writers.add(writer("kv-put", 1, (id, v) -> kv.put(id, client.binary().builder(valueType)
            .setField("A", (int)(v % 100)).setField("B", v).setField("C", -(int)(v % 90)).setField("S", "s2")
            .setField("V", v).build())));
        writers.forEach(Thread::start);
    }

    /** Stops the writers and waits for them. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : writers)
            t.join();
    }

    long writes() {
        return writes.get();
    }

    long failedWrites() {
        return failures.get();
    }

    /** @return keys written at least once */
    int keysWritten() {
        return confirmed.size();
    }

    /**
     * @return rows missing from the table plus rows whose {@code V} is neither the last version written to them
     *     successfully nor a later one whose write failed (and so may or may not have landed)
     */
    int lostRows(Ignite node) {
        List<List<?>> all = sql(node, AutopilotPlugin.NO_REWRITE + " SELECT ID, V FROM T");
        int lost = rows - all.size();
        for (List<?> r : all) {
            Integer id = (Integer)r.get(0);
            Long expected = confirmed.getOrDefault(id, 0L);
            if (!expected.equals(r.get(1)) && !Objects.equals(uncertain.get(id), r.get(1))) {
                lost++;
                System.out.println("lost write: ID " + id + " holds V " + r.get(1) + ", last written " + expected);
            }
        }
        return lost;
    }

    /** @return rows whose derived columns differ from Ignite's evaluation of their expressions */
    static int wrongDerived(Ignite node) {
        List<List<?>> all = sql(node, AutopilotPlugin.NO_REWRITE
            + " SELECT AP_AB, A * B, AP_BUCKET, FLOOR(C / 10) FROM T");
        int wrong = 0;
        for (List<?> r : all) {
            if (!Objects.equals(r.get(0), r.get(1)) || !Objects.equals(r.get(2), r.get(3)))
                wrong++;
        }
        return wrong;
    }

    /** @return queries over the expressions whose rows differ with and without rewriting */
    static int wrongResults(Ignite node) {
        int wrong = 0;
        for (String q : QUERIES) {
            List<List<?>> rewritten = sql(node, q);
            List<List<?>> original = sql(node, AutopilotPlugin.NO_REWRITE + ' ' + q);
            if (!rewritten.equals(original)) {
                wrong++;
                System.out.println("wrong result: " + q + " gave " + rewritten.size() + " rows rewritten, "
                    + original.size() + " as written");
            }
        }
        return wrong;
    }

    /** @return the columns of {@code T} whose names start with {@code AP_} */
    static List<String> derivedColumns(Ignite node) {
        return derivedColumns(node, "T");
    }

    /**
     * @return the columns of {@code table} in {@code PUBLIC} whose names start with {@code AP_}, as a star that
     *     Autopilot does not rewrite lists them: SQL catalogs such as {@code SYS.TABLE_COLUMNS} hide derived columns
     */
    static List<String> derivedColumns(Ignite node, String table) {
        List<String> out = new ArrayList<>();
        SqlFieldsQuery star = new SqlFieldsQuery(AutopilotPlugin.NO_REWRITE + " SELECT * FROM " + table + " LIMIT 0")
            .setSchema("PUBLIC");
        try (FieldsQueryCursor<List<?>> cursor = retried(() -> node.cache("autopilot_table_stats").query(star))) {
            for (int i = 0; i < cursor.getColumnsCount(); i++) {
                if (cursor.getFieldName(i).startsWith("AP_"))
                    out.add(cursor.getFieldName(i));
            }
        }
        return out;
    }

    /** Runs a statement, again while the topology is changing (a node just joined or left). */
    static List<List<?>> sql(Ignite node, String sql) {
        return retried(() -> node.cache("autopilot_table_stats").query(new SqlFieldsQuery(sql).setSchema("PUBLIC"))
            .getAll());
    }

    /** @return what {@code query} returns, asked again while the topology is changing */
    private static <T> T retried(Supplier<T> query) {
        for (int attempt = 1; ; attempt++) {
            try {
                return query.get();
            }
            catch (RuntimeException e) {
                if (attempt == 20 || !X.hasCause(e, ClusterTopologyException.class))
                    throw e;
                pause(250);
            }
        }
    }

    /** @return what {@code check} returns, run while no write is in flight */
    <T> T quiet(Supplier<T> check) {
        gate.writeLock().lock();
        try {
            return check.get();
        }
        finally {
            gate.writeLock().unlock();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override public void close() throws Exception {
        stop();
        client.close();
    }

    /** A writer of the keys {@code id % 2 == slot}; it pauses a millisecond between writes. */
    private Thread writer(String name, int slot, Write write) {
        return new Thread(() -> {
            long v = (slot + 1) * 1_000_000_000L;
            while (!stop.get()) {
                int id = ThreadLocalRandom.current().nextInt(rows / 2) * 2 + slot;
                v++;
                gate.readLock().lock();
                try {
                    write.run(id, v);
                    confirmed.put(id, v);
                    uncertain.remove(id);
                    writes.incrementAndGet();
                }
                catch (Exception e) {
                    uncertain.put(id, v);
                    failures.incrementAndGet();
                }
                finally {
                    gate.readLock().unlock();
                }
                try {
                    Thread.sleep(1);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
    }

    @FunctionalInterface
    private interface Write {
        void run(int id, long v) throws Exception;
    }
}
