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

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.internal.IgniteEx;

/**
 * Bounds statements on one cluster: {@code Statement.setQueryTimeout} does not stop a Calcite query, so when one runs
 * past the limit, every query that has run that long on any node of the cluster is ended by {@code KILL QUERY}, read
 * from that node's {@code SYS.SQL_QUERIES}.
 */
final class QueryKiller implements AutoCloseable {
    private final List<Ignite> nodes;
    private final long limitMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "differential-query-killer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean killed;

    QueryKiller(List<Ignite> nodes, long limitMillis) {
        this.nodes = nodes;
        this.limitMillis = limitMillis;
    }

    /** The outcome of a statement, whether it was killed for running too long, and how long it ran. */
    record Bounded(Outcome outcome, boolean killed, long millis) {
    }

    Bounded run(Supplier<Outcome> statement) {
        killed = false;
        long start = System.nanoTime();
        ScheduledFuture<?> kill = timer.scheduleAtFixedRate(this::killLongQueries, limitMillis, 1000,
            TimeUnit.MILLISECONDS);
        try {
            Outcome o = statement.get();
            return new Bounded(o, killed, (System.nanoTime() - start) / 1_000_000);
        }
        finally {
            kill.cancel(false);
        }
    }

    private void killLongQueries() {
        for (Ignite node : nodes) {
            List<List<?>> running = sql(node, new SqlFieldsQuery("SELECT QUERY_ID, SQL FROM SYS.SQL_QUERIES "
                + "WHERE DURATION > ?").setArgs(limitMillis));
            for (List<?> q : running) {
                if (String.valueOf(q.get(1)).contains("SQL_QUERIES"))
                    continue;
                killed = true;
                try {
                    sql(node, new SqlFieldsQuery("KILL QUERY '" + q.get(0) + '\''));
                }
                catch (RuntimeException e) {
                    // It ended meanwhile.
                }
            }
        }
    }

    private static List<List<?>> sql(Ignite node, SqlFieldsQuery q) {
        return ((IgniteEx)node).context().query().querySqlFields(q.setSchema("PUBLIC"), false).getAll();
    }

    @Override public void close() {
        timer.shutdownNow();
    }
}
