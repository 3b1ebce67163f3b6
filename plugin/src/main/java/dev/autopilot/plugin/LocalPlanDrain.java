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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.layout.LayoutSnapshot;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.query.running.GridRunningQueryInfo;

/**
 * This node's part of a layout drain: returns once the node rewrites with a layout of the table at least as new as
 * the one drained to, and no plan made before can still run here or be served from its plan cache. A plan is made
 * from the layouts the rewriter read when the statement was parsed, so the queries to wait for are those running when
 * the node had the new layout; each is registered (Ignite's running queries) until its cursor is closed or read to the
 * end. Ignite reads its plan cache, or parses, just before it registers a query: the plan cache is cleared after
 * the first wait, and the queries running then are waited for as well, so a plan taken or stored in that gap is gone
 * too. While a node drains, the structures drained from are still kept current, so a query that slips by reads exact
 * values; the bound is what lets them be dropped without failing it.
 */
final class LocalPlanDrain {
    /** How often the waits look again. */
    private static final long POLL_MILLIS = 10;

    private final GridKernalContext kernal;
    private final Supplier<LayoutSnapshot> layouts;
    private final LongSupplier clock;
    private final IgniteLogger log;

    /**
     * @param kernal the node's kernal, for its running queries and plan cache
     * @param layouts the layouts the node's rewriter reads
     * @param clock epoch millis, for the deadline
     * @param log where a drain that has to wait says what for, once per wait
     */
    LocalPlanDrain(GridKernalContext kernal, Supplier<LayoutSnapshot> layouts, LongSupplier clock, IgniteLogger log) {
        this.kernal = kernal;
        this.layouts = layouts;
        this.clock = clock;
        this.log = log;
    }

    /**
     * @param table {@code SCHEMA.TABLE}
     * @param version the layout version to drain to
     * @param timeoutMillis how long to wait at most
     * @return {@code null} once drained, else what this node still waits for
     */
    String drain(String table, long version, long timeoutMillis) throws InterruptedException {
        long start = clock.getAsLong();
        long deadline = start + timeoutMillis;
        boolean waited = false;
        while (!reached(table, version)) {
            if (!waited) {
                waited = true;
                log.info("Autopilot layout drain: node " + kernal.localNodeId() + " waits for version " + version
                    + " of the layout of " + table + " (it follows version " + layouts.get().layoutVersion(table)
                    + "), for at most " + timeoutMillis + " ms");
            }
            if (clock.getAsLong() > deadline)
                return "node " + kernal.localNodeId() + " has not received version " + version + " of the layout of "
                    + table + " (it follows version " + layouts.get().layoutVersion(table) + ')';
            Thread.sleep(POLL_MILLIS);
        }
        boolean said = false;
        for (int round = 0; round < 2; round++) {
            CalciteHook.clearPlanCache(kernal);
            Set<Long> before = running();
            while (true) {
                before.retainAll(running());
                if (before.isEmpty())
                    break;
                if (!said) {
                    said = true;
                    waited = true;
                    log.info("Autopilot layout drain: node " + kernal.localNodeId() + " waits for " + before.size()
                        + " queries planned before version " + version + " of the layout of " + table + ", for at most "
                        + Math.max(0, deadline - clock.getAsLong()) + " ms more: " + describe(before));
                }
                if (clock.getAsLong() > deadline)
                    return "node " + kernal.localNodeId() + " still runs queries planned before version " + version
                        + " of the layout of " + table + " (KILL QUERY them to go on): " + describe(before);
                Thread.sleep(POLL_MILLIS);
            }
        }
        if (waited) {
            log.info("Autopilot layout drain: node " + kernal.localNodeId() + " drained to version " + version
                + " of the layout of " + table + " after " + (clock.getAsLong() - start) + " ms");
        }
        return null;
    }

    /** @return whether the node's rewriter reads version {@code version} of the table's layout, or a later one */
    private boolean reached(String table, long version) {
        return layouts.get().layoutVersion(table) >= version;
    }

    private Set<Long> running() {
        Set<Long> ids = new HashSet<>();
        for (GridRunningQueryInfo q : queries())
            ids.add(q.id());
        return ids;
    }

    private String describe(Collection<Long> ids) {
        return queries().stream().filter(q -> ids.contains(q.id()))
            .map(q -> q.globalQueryId() + " (" + q.query() + ')').toList().toString();
    }

    private List<GridRunningQueryInfo> queries() {
        return kernal.query().runningQueryManager().runningSqlQueries();
    }
}
