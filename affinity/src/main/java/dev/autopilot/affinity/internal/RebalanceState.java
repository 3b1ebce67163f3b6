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

package dev.autopilot.affinity.internal;

import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.affinity.GridAffinityAssignmentCache;
import org.apache.ignite.internal.processors.cache.CacheGroupContext;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtLocalPartition;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtPartitionState;
import org.apache.ignite.internal.processors.cache.IgniteInternalCache;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Whether a cache has settled on the node this runs on: no exchange running, the local rebalance done, no local
 * partition still moving, and the assignment in force equal to the ideal one (late affinity assignment keeps the old
 * owners until the new ones own their partitions, then switches). Ignite has no public call for this; sent to every
 * server node, it tells when a change of node set has ended.
 */
public final class RebalanceState implements IgniteCallable<Boolean> {
    private static final long serialVersionUID = 0L;

    private final String cacheName;

    @IgniteInstanceResource
    private transient Ignite ignite;

    public RebalanceState(String cacheName) {
        this.cacheName = cacheName;
    }

    @Override public Boolean call() {
        return settled(ignite, cacheName);
    }

    /** @return whether {@code cacheName} has settled on {@code ignite}'s node ({@code true} if the node has no copy) */
    public static boolean settled(Ignite ignite, String cacheName) {
        IgniteEx ex = (IgniteEx)ignite;
        if (!ex.context().cache().context().exchange().lastTopologyFuture().isDone())
            return false;
        IgniteInternalCache<Object, Object> cache = ex.cachex(cacheName);
        if (cache == null)
            return true;
        CacheGroupContext grp = cache.context().group();
        if (!grp.preloader().rebalanceFuture().isDone())
            return false;
        for (GridDhtLocalPartition part : grp.topology().localPartitions()) {
            if (part.state() == GridDhtPartitionState.MOVING)
                return false;
        }
        GridAffinityAssignmentCache aff = grp.affinity();
        List<List<ClusterNode>> ideal = aff.idealAssignmentRaw();
        return ideal != null && ideal.equals(aff.lastReadyAffinity().assignment());
    }
}
