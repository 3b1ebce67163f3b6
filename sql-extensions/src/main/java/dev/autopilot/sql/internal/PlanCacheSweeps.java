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

package dev.autopilot.sql.internal;

import java.util.Date;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import dev.autopilot.sql.internal.CalciteHook;
import org.apache.ignite.internal.GridKernalContext;

/**
 * Forgets this node's cached query plans when what the rewriter does changes (the partition layouts, or rewriting
 * turned on or off): at once, and twice more. Ignite parses a statement, which is when the rewriter reads the layouts,
 * before it stores the statement's plan under the client's text; a statement parsed just before a change can store
 * a plan made for the layouts before it after the first clear, and that plan serves the statement until the next DDL
 * (in a drift benchmark run one node kept scanning a whole table for a phase's queries after their cut-over). The
 * second clear, a second later, removes the plans made in the usual milliseconds; the third, once Ignite's planner
 * timeout has passed, those made however slowly. Remembers when it last cleared, for {@code SYS.AUTOPILOT_NODE}.
 */
public final class PlanCacheSweeps {
    /** When the second clear runs after a change. */
    public static final long SECOND_CLEAR_MILLIS = 1_000;

    /** When this node last cleared its plan cache, or 0. */
    private volatile long lastClearMillis;

    /** @return when this node last cleared its plan cache, or null if it has not */
    public Date lastClear() {
        long at = lastClearMillis;
        return at == 0 ? null : new Date(at);
    }

    /**
     * Clears the plan cache now and schedules the two later clears on {@code scheduler}.
     *
     * @param scheduler runs the later clears; {@code null} or shut down before the node has started or once it stops,
     *     when no statement is planned anyway
     */
    public void afterChange(GridKernalContext kernal, ScheduledExecutorService scheduler) {
        clear(kernal);
        if (scheduler == null || scheduler.isShutdown())
            return;
        try {
            scheduler.schedule(() -> clear(kernal), SECOND_CLEAR_MILLIS, TimeUnit.MILLISECONDS);
            scheduler.schedule(() -> clear(kernal), CalciteHook.plannerTimeoutMillis() + SECOND_CLEAR_MILLIS,
                TimeUnit.MILLISECONDS);
        }
        catch (RejectedExecutionException stopping) {
            // The node stops: it plans nothing any more.
        }
    }

    private void clear(GridKernalContext kernal) {
        CalciteHook.clearPlanCache(kernal);
        lastClearMillis = System.currentTimeMillis();
    }
}
