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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import dev.autopilot.affinity.internal.MetastoragePlanStore;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.affinity.AffinityFunction;
import org.apache.ignite.cache.affinity.AffinityFunctionContext;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.LoggerResource;

/**
 * An affinity function that places partitions where the Predictive Load Balancer planned them, so hot partitions can
 * be spread before a spike instead of where a hash happens to put them.
 *
 * <p>Keys map to partitions exactly as with {@link RendezvousAffinityFunction}. Partitions map to nodes by the plan
 * stored for the exact node set being assigned (see {@link PlanKey}, {@link PlanPublisher}); when there is no plan,
 * or it does not fit the node set, the assignment is Rendezvous's. Every node computes the assignment on its own and
 * nobody compares the results, so the function reads only the plan store (a local read), never a cache or a live
 * metric, and never throws. Plans are written once per node set and never changed, which is what keeps all nodes in
 * agreement.
 *
 * <p>Ignite injects the node's {@link Ignite} when it starts the cache, on every node including those that join
 * later. Configure it as a plain bean: {@link #setPartitions}, {@link #setPlanName}.
 */
public final class PredictiveAffinityFunction implements AffinityFunction {
    private static final long serialVersionUID = 0L;

    private int partitions = RendezvousAffinityFunction.DFLT_PARTITION_COUNT;
    private String planName = "default";
    private RendezvousAffinityFunction rendezvous = new RendezvousAffinityFunction(false, partitions);

    @IgniteInstanceResource
    private transient Ignite ignite;

    @LoggerResource
    private transient IgniteLogger log;

    private transient PlanStore store;

    public int getPartitions() {
        return partitions;
    }

    /** Number of partitions, as for Rendezvous (a power of two maps keys fastest). */
    public PredictiveAffinityFunction setPartitions(int partitions) {
        if (partitions < 1 || partitions > CacheConfiguration.MAX_PARTITIONS_COUNT)
            throw new IllegalArgumentException("partitions must be in [1, " + CacheConfiguration.MAX_PARTITIONS_COUNT + "]: " + partitions);
        this.partitions = partitions;
        this.rendezvous = new RendezvousAffinityFunction(false, partitions);
        return this;
    }

    public String getPlanName() {
        return planName;
    }

    /** Name under which this cache group's plans are stored; caches with one name share their plans. */
    public PredictiveAffinityFunction setPlanName(String planName) {
        if (planName == null || planName.isBlank())
            throw new IllegalArgumentException("planName must not be blank: '" + planName + "'");
        this.planName = planName;
        return this;
    }

    @Override public void reset() {
        rendezvous.reset();
    }

    @Override public int partitions() {
        return partitions;
    }

    @Override public int partition(Object key) {
        return rendezvous.partition(key);
    }

    @Override public List<List<ClusterNode>> assignPartitions(AffinityFunctionContext ctx) {
        List<ClusterNode> nodes = ctx.currentTopologySnapshot();
        try {
            String[][] plan = nodes.isEmpty() ? null : store().read(key(nodes));
            if (plan != null) {
                PlanResolver.Resolution r = PlanResolver.resolve(plan, nodes, partitions, ctx.backups());
                if (r.assignment() != null) {
                    info("following plan '" + planName + "' for " + nodes.size() + " nodes");
                    return r.assignment();
                }
                warn("plan '" + planName + "' for " + nodes.size() + " nodes is invalid (" + r.problem()
                    + "): using Rendezvous", null);
            }
        }
        catch (Exception | LinkageError e) {
            warn("plan '" + planName + "' for " + nodes.size() + " nodes could not be read: using Rendezvous", e);
        }
        return rendezvous.assignPartitions(ctx);
    }

    @Override public void removeNode(UUID nodeId) {
        rendezvous.removeNode(nodeId);
    }

    private String key(List<ClusterNode> nodes) {
        List<String> ids = new ArrayList<>(nodes.size());
        for (ClusterNode n : nodes)
            ids.add(String.valueOf(n.consistentId()));
        return PlanKey.of(planName, ids);
    }

    private PlanStore store() {
        if (store == null) {
            if (ignite == null)
                throw new IllegalStateException("no Ignite instance injected");
            store = new MetastoragePlanStore(ignite);
        }
        return store;
    }

    private void info(String msg) {
        if (log != null && log.isInfoEnabled())
            log.info(msg);
    }

    private void warn(String msg, Throwable e) {
        if (log != null)
            log.warning(msg, e);
    }
}
