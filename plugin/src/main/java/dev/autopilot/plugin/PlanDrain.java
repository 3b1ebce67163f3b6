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

import java.util.Collection;
import java.util.Objects;
import dev.autopilot.adaptation.apply.LayoutDrain;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * The cluster's {@link LayoutDrain}: every server node drains its own plans ({@link LocalPlanDrain}) and answers; the
 * drain holds when all of them did. Thin clients and JDBC have their statements planned on the server they talk to,
 * so the servers are where plans are. A node that fails to answer in time fails the drain, and the caller keeps
 * deriving and does not drop: a drain never ends early.
 */
final class PlanDrain implements LayoutDrain {
    /**
     * How long each node waits for the queries planned before a layout change: a query that runs longer holds its
     * adaptation back for this long per attempt, after which the attempt fails and is retried, up to the runner's cap.
     */
    static final long TIMEOUT_MILLIS = 60_000;

    private final Ignite ignite;
    private final long timeoutMillis;

    /**
     * @param ignite the local node
     * @param timeoutMillis how long each node waits at most
     */
    PlanDrain(Ignite ignite, long timeoutMillis) {
        this.ignite = ignite;
        this.timeoutMillis = timeoutMillis;
    }

    @Override public void await(String table, long version) {
        Collection<String> waiting;
        try {
            waiting = ignite.compute(ignite.cluster().forServers()).withTimeout(2 * timeoutMillis)
                .broadcast(new Job(table, version, timeoutMillis));
        }
        catch (IgniteException e) {
            throw new IllegalStateException("Could not drain the plans over version " + version + " of the layout of "
                + table + ": " + e.getMessage(), e);
        }
        String late = String.join("; ", waiting.stream().filter(Objects::nonNull).toList());
        if (!late.isEmpty())
            throw new IllegalStateException("Plans over the layout of " + table + " before version " + version
                + " may still run: " + late);
    }

    /** What each server runs: its own drain. */
    private static final class Job implements IgniteCallable<String> {
        private static final long serialVersionUID = 1L;

        private final String table;
        private final long version;
        private final long timeoutMillis;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Job(String table, long version, long timeoutMillis) {
            this.table = table;
            this.version = version;
            this.timeoutMillis = timeoutMillis;
        }

        @Override public String call() throws InterruptedException {
            return AutopilotPlugin.of(ignite).localPlanDrain().drain(table, version, timeoutMillis);
        }
    }
}
