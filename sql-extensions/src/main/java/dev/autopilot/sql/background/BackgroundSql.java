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

package dev.autopilot.sql.background;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.ignite.IgniteLogger;

/**
 * When Autopilot's own SQL may run in the background (the adaptation manager's rounds, the statistics, forecast and
 * placement services): only while every server node has finished starting ({@link StartedServers}) and none has begun
 * to stop, this one included. Ignite's Calcite engine logs a query that meets either at ERROR: a fragment mapped to a
 * node still starting fails, and a query planned while the node stops fails in the planner ({@code Unexpected error
 * at query optimizer ... Failed to execute task due to grid shutdown}). A round skipped for either reason is simply
 * tried again at its next period.
 */
public final class BackgroundSql {
    private final StartedServers servers;
    private final ReadWriteLock rounds = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    /** @param servers the servers that have started; null on a client node, which runs no background SQL */
    public BackgroundSql(StartedServers servers) {
        this.servers = servers;
    }

    /**
     * Runs {@code round} on the calling thread if background SQL may run now.
     *
     * @return whether it ran
     */
    public boolean run(Runnable round) {
        if (!open() || !rounds.readLock().tryLock())
            return false;
        try {
            if (stopping)
                return false;
            round.run();
            return true;
        }
        finally {
            rounds.readLock().unlock();
        }
    }

    /**
     * Holds back rounds while {@code node} stops, and waits up to {@code timeoutMillis} for the rounds running now,
     * which may reach it, to end.
     */
    public void serverLeaving(UUID node, long timeoutMillis) {
        if (servers != null)
            servers.leaving(node);
        drain(timeoutMillis);
    }

    /** @return whether background SQL may run now: a long round (a fill) ends early, to resume later, when not */
    public boolean open() {
        return !stopping && servers != null && servers.all();
    }

    /** @return whether this node has begun to stop */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Lets no round start any more, and waits up to {@code timeoutMillis} for the running ones to end, while the node
     * can still serve them: called first thing when the node stops.
     */
    public void stop(long timeoutMillis, IgniteLogger log) {
        stopping = true;
        if (!drain(timeoutMillis))
            log.info("Autopilot's background work did not end within " + timeoutMillis + " ms of the node stopping");
    }

    /** @return whether the rounds running now ended within {@code timeoutMillis} */
    private boolean drain(long timeoutMillis) {
        try {
            if (!rounds.writeLock().tryLock(timeoutMillis, TimeUnit.MILLISECONDS))
                return false;
            rounds.writeLock().unlock();
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
