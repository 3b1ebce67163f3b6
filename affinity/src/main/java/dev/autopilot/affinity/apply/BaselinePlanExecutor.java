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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import dev.autopilot.affinity.PlanPublisher;
import dev.autopilot.affinity.internal.RebalanceState;
import dev.autopilot.affinity.plan.Placement;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.ShutdownPolicy;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.cluster.ClusterNode;

/**
 * Makes a cache follow a new plan through the only way Ignite offers, a baseline change. Adding a node: the plan for
 * the larger node set is published (or the stored one reused: a node set always keeps its first plan), then the
 * baseline is set, then the executor waits until every server node has rebalanced and switched to the new
 * assignment. Removing a node: the plan for the smaller node set is published first (the remaining nodes use it the
 * moment the node leaves), the node is stopped with Ignite's graceful shutdown, which waits until each of its
 * partitions has another owner, and the smaller baseline is set. Ignite refuses to take an online node out of the
 * baseline, hence the stop.
 *
 * <p>Ignite assigns partitions over the whole baseline, offline nodes included, and then leaves the offline ones out:
 * a node that stops or dies leaves its partitions on their other copies, under the same plan, until it returns or the
 * baseline is set again. So the executor never publishes a plan for the baseline in force (nodes that computed its
 * assignment without the plan would disagree with nodes that compute it later). One change at a time; not
 * thread-safe.
 */
public final class BaselinePlanExecutor {
    /** Stops a server node: in production the orchestrator's job, in tests {@code Ignition.stop}. */
    @FunctionalInterface
    public interface NodeStopper {
        /** Stops the node with this consistent id and returns once it has stopped. */
        void stop(String consistentId) throws Exception;
    }

    private final Ignite ignite;
    private final String cacheName;
    private final String planName;
    private final long timeoutMillis;
    private final PlanPublisher publisher;

    /**
     * @param ignite a server node of the cluster
     * @param cacheName the cache whose rebalance is awaited (the function's plan name covers its group)
     * @param planName the cache's {@code PredictiveAffinityFunction} plan name
     * @param timeoutMillis how long to wait for a rebalance to end
     */
    public BaselinePlanExecutor(Ignite ignite, String cacheName, String planName, long timeoutMillis) {
        this.ignite = ignite;
        this.cacheName = cacheName;
        this.planName = planName;
        this.timeoutMillis = timeoutMillis;
        this.publisher = PlanPublisher.of(ignite);
    }

    /** @return consistent ids of the baseline, sorted */
    public List<String> baseline() {
        Collection<BaselineNode> nodes = ignite.cluster().currentBaselineTopology();
        List<String> ids = new ArrayList<>();
        if (nodes != null)
            nodes.forEach(n -> ids.add(String.valueOf(n.consistentId())));
        return sorted(ids);
    }

    /** @return consistent ids of the online server nodes outside the baseline: the standby nodes, sorted */
    public List<String> standby() {
        List<String> base = baseline();
        List<String> ids = new ArrayList<>();
        for (ClusterNode n : ignite.cluster().forServers().nodes()) {
            if (!base.contains(String.valueOf(n.consistentId())))
                ids.add(String.valueOf(n.consistentId()));
        }
        return sorted(ids);
    }

    /** @return the assignment in force, by consistent id */
    public Placement live() {
        int parts = ignite.affinity(cacheName).partitions();
        List<List<String>> rows = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            List<String> owners = new ArrayList<>();
            for (ClusterNode n : ignite.affinity(cacheName).mapPartitionToPrimaryAndBackups(p))
                owners.add(String.valueOf(n.consistentId()));
            rows.add(owners);
        }
        return new Placement(rows);
    }

    /** @return rows per partition */
    public long[] rowsPerPartition() {
        return PartitionRows.of(ignite, cacheName);
    }

    /** @return the plan stored for {@code nodes}, if any */
    public Optional<Placement> storedPlan(Collection<String> nodes) throws Exception {
        return publisher.read(planName, nodes);
    }

    /**
     * Adds an online standby node to the baseline under the plan for the larger node set. Baseline nodes that are
     * offline are left out of the new baseline (and of its plan).
     *
     * @param joining consistent id of the node to add
     * @param planner makes the plan for the target node set from the live placement, used only when none is stored
     */
    public PlanChange add(String joining, BiFunction<Placement, List<String>, Placement> planner) throws Exception {
        long start = System.currentTimeMillis();
        List<String> before = baseline();
        if (before.contains(joining))
            throw new IllegalArgumentException("node " + joining + " is in the baseline already");
        List<ClusterNode> target = ignite.cluster().forServers().nodes().stream()
            .filter(n -> before.contains(String.valueOf(n.consistentId()))
                || joining.equals(String.valueOf(n.consistentId()))).toList();
        List<String> after = ids(target);
        if (!after.contains(joining))
            throw new IllegalArgumentException("node " + joining + " is not an online server node");
        Placement live = live();
        long[] rows = rowsPerPartition();
        Published plan = publish(after, live, planner);
        ignite.cluster().setBaselineTopology(target);
        return settle(before, after, plan, live, rows, start);
    }

    /**
     * Removes a node from the node set: publishes the smaller set's plan, stops the node gracefully, then sets the
     * smaller baseline.
     *
     * @param leaving consistent id of the node to remove
     * @param planner makes the plan for the smaller node set from the live placement, used only when none is stored
     * @param stopper stops the node
     */
    public PlanChange remove(String leaving, BiFunction<Placement, List<String>, Placement> planner,
        NodeStopper stopper) throws Exception {
        long start = System.currentTimeMillis();
        List<String> before = baseline();
        if (!before.contains(leaving))
            throw new IllegalArgumentException("node " + leaving + " is not in the baseline " + before);
        List<String> after = new ArrayList<>(before);
        after.remove(leaving);
        if (after.isEmpty())
            throw new IllegalArgumentException("node " + leaving + " is the last node of the baseline");
        awaitSettled("before removing " + leaving);
        Placement live = live();
        long[] rows = rowsPerPartition();
        Published plan = publish(after, live, planner);
        ShutdownPolicy policy = ignite.cluster().shutdownPolicy();
        ignite.cluster().shutdownPolicy(ShutdownPolicy.GRACEFUL);
        try {
            stopper.stop(leaving);
        }
        finally {
            ignite.cluster().shutdownPolicy(policy);
        }
        List<ClusterNode> remaining = ignite.cluster().forServers().nodes().stream()
            .filter(n -> after.contains(String.valueOf(n.consistentId()))).toList();
        ignite.cluster().setBaselineTopology(remaining);
        return settle(before, after, plan, live, rows, start);
    }

    private record Published(Placement plan, boolean reused) {
    }

    private Published publish(List<String> nodes, Placement live, BiFunction<Placement, List<String>, Placement> planner)
        throws Exception {
        Optional<Placement> stored = publisher.read(planName, nodes);
        if (stored.isPresent())
            return new Published(stored.get(), true);
        if (new TreeSet<>(nodes).equals(new TreeSet<>(baseline())))
            throw new IllegalStateException("node set " + nodes + " is in force without a plan: publishing one now would "
                + "make nodes disagree");
        if (publisher.publish(planName, nodes, planner.apply(live, nodes)))
            return new Published(publisher.read(planName, nodes).orElseThrow(), false);
        return new Published(publisher.read(planName, nodes).orElseThrow(), true);
    }

    private PlanChange settle(List<String> before, List<String> after, Published plan, Placement live, long[] rows,
        long start) throws Exception {
        awaitSettled("after the change to " + after);
        long end = System.currentTimeMillis();
        List<String> alive = ids(aliveBaseline());
        List<Integer> moved = PlanDiff.gainingOwners(live, plan.plan());
        long rowsMoved = PlanDiff.rowsCopied(live, plan.plan(), rows);
        if (alive.equals(after)) {
            return new PlanChange(PlanChange.Outcome.DONE, "node set " + after + " follows its plan", before, after,
                plan.plan(), plan.reused(), moved, rowsMoved, start, end);
        }
        List<String> gone = new ArrayList<>(after);
        gone.removeAll(alive);
        return new PlanChange(PlanChange.Outcome.INTERRUPTED, "node(s) " + gone + " left during the change: the "
            + "baseline " + after + " keeps its plan without them, their partitions on the remaining copies, until they "
            + "return or the baseline is set again", before, after, plan.plan(), plan.reused(), moved, rowsMoved, start,
            end);
    }

    /** Waits until the cache has settled on every server node; a node leaving meanwhile restarts the wait. */
    private void awaitSettled(String when) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!settledEverywhere()) {
            if (System.currentTimeMillis() > deadline)
                throw new IllegalStateException("cache " + cacheName + " did not settle within " + timeoutMillis
                    + " ms " + when);
            Thread.sleep(20);
        }
    }

    private boolean settledEverywhere() {
        try {
            for (boolean settled : ignite.compute(ignite.cluster().forServers())
                .broadcast(new RebalanceState(cacheName))) {
                if (!settled)
                    return false;
            }
            return true;
        }
        catch (IgniteException e) {
            return false;
        }
    }

    private List<ClusterNode> aliveBaseline() {
        List<String> base = baseline();
        return ignite.cluster().forServers().nodes().stream()
            .filter(n -> base.contains(String.valueOf(n.consistentId()))).toList();
    }

    private static List<String> ids(Collection<ClusterNode> nodes) {
        return sorted(nodes.stream().map(n -> String.valueOf(n.consistentId())).toList());
    }

    private static List<String> sorted(Collection<String> ids) {
        return List.copyOf(new TreeSet<>(ids));
    }
}
