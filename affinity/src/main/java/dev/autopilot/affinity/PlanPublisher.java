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

package dev.autopilot.affinity;

import java.util.Collection;
import java.util.Optional;
import dev.autopilot.affinity.internal.MetastoragePlanStore;
import dev.autopilot.affinity.plan.Placement;
import org.apache.ignite.Ignite;

/**
 * Publishes plans for {@link PredictiveAffinityFunction}: once per node set, before the baseline that uses it is set.
 *
 * <p>Nodes that hold different plans for one node set silently lose reads and writes, so a plan is never replaced:
 * {@link #publish} writes only where no plan exists, and a node set that already has one keeps it. To place
 * partitions differently, plan for a different node set (add or remove a node) and set that baseline.
 */
public final class PlanPublisher {
    private final PlanStore store;

    public PlanPublisher(PlanStore store) {
        this.store = store;
    }

    /** @return A publisher to the distributed metastorage of {@code ignite}'s cluster. */
    public static PlanPublisher of(Ignite ignite) {
        return new PlanPublisher(new MetastoragePlanStore(ignite));
    }

    /**
     * Writes {@code plan} for {@code nodes}, unless that node set has a plan already. Returns after all alive nodes
     * have it.
     *
     * @param planName The affinity function's {@link PredictiveAffinityFunction#getPlanName() plan name}.
     * @param nodes Consistent ids of the node set (the baseline) the plan is for.
     * @param plan The placement.
     * @return Whether this call wrote the plan ({@code false}: the stored one stays, see {@link #read}).
     */
    public boolean publish(String planName, Collection<String> nodes, Placement plan) throws Exception {
        return store.writeOnce(PlanKey.of(planName, nodes), plan.toArray());
    }

    /** @return The plan stored for {@code nodes}, if any. */
    public Optional<Placement> read(String planName, Collection<String> nodes) throws Exception {
        String[][] rows = store.read(PlanKey.of(planName, nodes));
        return Optional.ofNullable(rows).map(Placement::fromArray);
    }
}
