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

package dev.autopilot.affinity.apply;

import java.sql.Timestamp;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;

import static dev.autopilot.sql.tables.AutopilotTables.PLAN_CHANGES;

/** Writes plan-change decisions to {@code AUTOPILOT.PLAN_CHANGES}, so that every one is readable from SQL. */
public final class PlanChangeLog {
    private final Ignite ignite;

    /** @param ignite a node of a cluster where the {@code PLAN_CHANGES} table exists */
    public PlanChangeLog(Ignite ignite) {
        this.ignite = ignite;
    }

    /** Writes {@code r}, replacing an earlier version of the same change. */
    public void write(PlanChangeRecord r) {
        if (ignite.cache(PLAN_CHANGES.cacheName()) == null)
            throw new IllegalStateException("table AUTOPILOT.PLAN_CHANGES does not exist (cache "
                + PLAN_CHANGES.cacheName() + ")");
        IgniteCache<Object, BinaryObject> table = PLAN_CHANGES.cache(ignite);
        table.put(PLAN_CHANGES.key(ignite.binary(), r.changeId()), PLAN_CHANGES.value(ignite.binary(),
            r.cacheName(), r.mode(), r.action().name(), r.outcome(), r.reason(), String.join(",", r.nodesBefore()),
            String.join(",", r.nodesAfter()), r.planReused(), r.moved().size(),
            r.moved().stream().map(String::valueOf).collect(Collectors.joining(",")), r.rowsMoved(),
            r.predictedLoad(), r.capacity(), Double.isNaN(r.actualLoad()) ? null : r.actualLoad(), time(r.spikeAt()),
            time(r.decidedAt()), time(r.startedAt()), time(r.endedAt()), r.rebalanceEstimateMillis(),
            r.endedAt() == 0 ? null : r.rebalanceActualMillis(), r.plan()));
    }

    private static Timestamp time(long millis) {
        return millis == 0 ? null : new Timestamp(millis);
    }
}
