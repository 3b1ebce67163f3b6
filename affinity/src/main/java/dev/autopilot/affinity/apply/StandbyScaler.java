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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import dev.autopilot.affinity.advise.PlacementAdvice;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.affinity.plan.PlacementPlanner;
import dev.autopilot.affinity.plan.PlannerSettings;

/**
 * The loop that applies plans ahead of time for one cache: each window it asks the {@link ScaleDecider} whether the
 * predicted load needs a standby node added (early enough for rebalancing to end before the spike) or lets one go,
 * and records every such decision in {@code AUTOPILOT.PLAN_CHANGES}. In {@link Mode#APPLY} the
 * {@link BaselinePlanExecutor} carries it out; in {@link Mode#DRY_RUN} only the record is written and the node set is
 * changed on paper, so later decisions are the ones that would follow. Plans for a new node set come from the
 * {@link PlacementPlanner}, with each node allowed {@code headroom} times the mean predicted node load. Not
 * thread-safe: one caller, one window at a time.
 */
public final class StandbyScaler {
    /** Whether decisions are carried out. */
    public enum Mode {
        /** Record only. */
        DRY_RUN,
        /** Record and change the baseline. */
        APPLY
    }

    private final String cacheName;
    private final Mode mode;
    private final BaselinePlanExecutor executor;
    private final ScaleDecider decider;
    private final RebalanceEstimator estimator;
    private final PlanChangeLog log;
    private final PlannerSettings plannerSettings;
    private final double headroom;
    private final BaselinePlanExecutor.NodeStopper stopper;
    private final Deque<String> added = new ArrayDeque<>();
    private final List<Pending> awaitingLoad = new ArrayList<>();
    private List<String> paperNodes;

    /**
     * @param stopper stops a node taken out of the node set (not called in dry run)
     * @param headroom how far above the mean predicted node load the plan lets a node go, at least 1
     */
    public StandbyScaler(String cacheName, Mode mode, BaselinePlanExecutor executor, ScaleDecider decider,
        RebalanceEstimator estimator, PlanChangeLog log, PlannerSettings plannerSettings, double headroom,
        BaselinePlanExecutor.NodeStopper stopper) {
        if (headroom < 1)
            throw new IllegalArgumentException("headroom must be at least 1: " + headroom);
        this.cacheName = cacheName;
        this.mode = mode;
        this.executor = executor;
        this.decider = decider;
        this.estimator = estimator;
        this.log = log;
        this.plannerSettings = plannerSettings;
        this.headroom = headroom;
        this.stopper = stopper;
    }

    /** A record whose measured load is still being collected, over windows {@code [from, to)}. */
    private static final class Pending {
        PlanChangeRecord record;
        final long from;
        final long to;

        Pending(PlanChangeRecord record, long from, long to) {
            this.record = record;
            this.from = from;
            this.to = to;
        }
    }

    /**
     * One decision round.
     *
     * @param now the time, epoch millis
     * @param outlook the cache's load predicted for the next windows
     * @param partitionShare each partition's share of the cache's load (summing to 1), for the plan
     * @return the record of the change decided, if any
     */
    public Optional<PlanChangeRecord> step(long now, LoadOutlook outlook, double[] partitionShare) throws Exception {
        List<String> nodes = nodes();
        List<String> standby = new ArrayList<>(executor.standby());
        standby.removeAll(nodes);
        Placement live = executor.live();
        long[] rows = executor.rowsPerPartition();
        double[] load = new double[partitionShare.length];
        for (int p = 0; p < load.length; p++)
            load[p] = outlook.peak() * partitionShare[p];

        String joining = standby.isEmpty() ? null : standby.get(0);
        List<String> larger = joining == null ? nodes : with(nodes, joining);
        Placement addPlan = joining == null ? live : planFor(live, larger, load);
        long addRows = PlanDiff.rowsCopied(live, addPlan, rows);
        long estimate = estimator.estimateMillis(addRows);
        ScaleDecider.Decision d = decider.decide(now, nodes.size(), outlook, estimate);

        if (d.action() == ScaleDecider.Action.ADD && joining != null) {
            PlanChangeRecord r = record(d, now, nodes, larger, addPlan, live, rows, estimate);
            if (mode == Mode.APPLY)
                r = apply(r, () -> executor.add(joining, (l, target) -> planFor(l, target, load)));
            else
                paperNodes = larger;
            added.push(joining);
            log.write(r);
            awaitingLoad.add(new Pending(r, d.spikeAt(), d.spikeAt() + outlook.windowMillis()));
            return Optional.of(r);
        }
        if (d.action() == ScaleDecider.Action.REMOVE && !added.isEmpty()) {
            String leaving = added.peek();
            List<String> smaller = new ArrayList<>(nodes);
            smaller.remove(leaving);
            Placement removePlan = planFor(live, smaller, load);
            PlanChangeRecord r = record(d, now, nodes, smaller, removePlan, live, rows,
                estimator.estimateMillis(PlanDiff.rowsCopied(live, removePlan, rows)));
            if (mode == Mode.APPLY)
                r = apply(r, () -> executor.remove(leaving, (l, target) -> planFor(l, target, load), stopper));
            else
                paperNodes = smaller;
            added.pop();
            log.write(r);
            awaitingLoad.add(new Pending(r, outlook.firstWindowMillis(), outlook.windowStart(outlook.predicted().length)));
            return Optional.of(r);
        }
        return Optional.empty();
    }

    /**
     * The load measured in a closed window: records whose prediction covered that window learn the highest load
     * measured in it ({@code ACTUAL_LOAD} against {@code PREDICTED_LOAD}).
     */
    public void observe(long windowStart, double measuredLoad) {
        for (Iterator<Pending> it = awaitingLoad.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (windowStart >= p.from && windowStart < p.to) {
                PlanChangeRecord r = p.record;
                double actual = Double.isNaN(r.actualLoad()) ? measuredLoad : Math.max(r.actualLoad(), measuredLoad);
                p.record = r.withActualLoad(actual);
                log.write(p.record);
            }
            if (windowStart + 1 >= p.to)
                it.remove();
        }
    }

    /** @return the node set decisions are made for: the baseline, or in dry run the node set changed on paper */
    public List<String> nodes() {
        if (mode == Mode.APPLY)
            return executor.baseline();
        if (paperNodes == null)
            paperNodes = executor.baseline();
        return paperNodes;
    }

    private Placement planFor(Placement live, List<String> target, double[] load) {
        double total = 0;
        for (double l : load)
            total += l * (1 + plannerSettings.getBackups() * plannerSettings.getBackupLoadShare());
        SortedMap<String, Double> caps = new TreeMap<>();
        double cap = Math.max(total / target.size() * headroom, Double.MIN_NORMAL);
        target.forEach(n -> caps.put(n, cap));
        return new PlacementPlanner(plannerSettings).plan(live, caps, load).placement();
    }

    private PlanChangeRecord record(ScaleDecider.Decision d, long now, List<String> before, List<String> after,
        Placement plan, Placement live, long[] rows, long estimate) throws Exception {
        boolean reused = executor.storedPlan(after).isPresent();
        Placement p = reused ? executor.storedPlan(after).orElseThrow() : plan;
        return new PlanChangeRecord(cacheName + '-' + d.action() + '-' + now, cacheName, mode.name(), d.action(),
            mode == Mode.APPLY ? "STARTED" : "DRY_RUN", d.reason(), before, after, reused, PlanDiff.gainingOwners(live, p),
            PlanDiff.rowsCopied(live, p, rows), d.predictedLoad(), d.capacity(), Double.NaN, d.spikeAt(), now, 0, 0,
            estimate, 0, PlacementAdvice.encode(p));
    }

    /** Carries out a change; a change that fails is recorded as {@code FAILED} before the failure is passed on. */
    private PlanChangeRecord apply(PlanChangeRecord r, Callable<PlanChange> change) throws Exception {
        PlanChange c;
        try {
            c = change.call();
        }
        catch (Exception e) {
            log.write(r.withOutcome("FAILED", r.reason() + "; failed: " + e));
            throw e;
        }
        estimator.record(c.rowsMoved(), c.millis());
        return new PlanChangeRecord(r.changeId(), r.cacheName(), r.mode(), r.action(), c.outcome().name(),
            r.reason() + "; " + c.note(), c.nodesBefore(), c.nodesAfter(), c.planReused(), c.moved(), c.rowsMoved(),
            r.predictedLoad(), r.capacity(), r.actualLoad(), r.spikeAt(), r.decidedAt(), c.startedAt(), c.endedAt(),
            r.rebalanceEstimateMillis(), c.millis(), PlacementAdvice.encode(c.plan()));
    }

    private static List<String> with(List<String> nodes, String id) {
        List<String> out = new ArrayList<>(nodes);
        out.add(id);
        out.sort(null);
        return List.copyOf(out);
    }
}
