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

package dev.autopilot.examples.faults;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.examples.cluster.Await;
import dev.autopilot.examples.cluster.ProcessCluster;

/**
 * Kills server nodes with SIGKILL in the middle of adaptations, one kill per adaptation, at each step in turn
 * ({@link #TARGETS}): it requests an adaptation of {@link FaultTable} (the two profiles in turn, so that later ones
 * retire what the one before added), waits until {@code AUTOPILOT.ADAPTATIONS} shows the target step or a later one,
 * kills a node (every other time the adaptation manager's), starts it again and waits until rebalancing to it has
 * ended ({@link ProcessCluster#awaitRebalanced}); for {@code ROLLING_BACK} it first asks for a rollback from SQL.
 * Meanwhile {@link CheckedWrites} writes and checks. Each adaptation must reach {@code DONE} or {@code ROLLED_BACK} within {@link #settleBound};
 * one that does not, or that ends {@code FAILED} (left for a user to repair), is stuck.
 */
public final class FaultRun {
    /** The steps killed at, in turn. */
    static final List<AdaptationStep> TARGETS = List.of(AdaptationStep.PLANNED, AdaptationStep.COLUMNS_ADDED,
        AdaptationStep.FILLING, AdaptationStep.FILLED, AdaptationStep.INDEXED, AdaptationStep.WATCHING,
        AdaptationStep.RETIRING, AdaptationStep.ROLLING_BACK);

    private final ProcessCluster cluster;
    private final ControlClient control;
    private final AdaptationTable adaptations;
    private final Duration settleBound;
    private final Map<String, Integer> killedAt = new TreeMap<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> log = new ArrayList<>();
    private int kills;
    private int stuck;
    private int requested;

    /**
     * @param cluster the nodes, started with the adaptation manager's own initiative off
     * @param settleBound how long an adaptation may take, from its kill, to finish or roll back
     */
    public FaultRun(ProcessCluster cluster, Duration settleBound) {
        this.cluster = cluster;
        this.settleBound = settleBound;
        this.control = new ControlClient(cluster);
        this.adaptations = new AdaptationTable(cluster.jdbcUrl());
    }

    /**
     * Runs until {@code targetKills} kills are made (or twice as many adaptations were requested, when steps were
     * passed before they were seen), or {@code budget} is spent, while {@code writes} runs. No adaptation starts
     * after the budget is spent; the one running is seen to its end. A failure of the run itself (a node that does
     * not come back, the cluster unreachable) ends it early: the result then says why, beside what was counted.
     *
     * @return what was found; {@code writes} is finished
     */
    public FaultResult run(int targetKills, Duration budget, CheckedWrites writes) throws InterruptedException {
        long end = System.nanoTime() + budget.toNanos();
        String aborted = null;
        try {
            for (int turn = 0; kills < targetKills && turn < 2 * targetKills + TARGETS.size() && stuck == 0
                && System.nanoTime() - end < 0; turn++)
                adaptOnce(TARGETS.get(turn % TARGETS.size()), writes);
        }
        catch (IOException | RuntimeException e) {
            aborted = String.valueOf(e);
            log.add("ABORTED: " + aborted);
            e.printStackTrace(System.out);
        }
        try {
            writes.finish();
        }
        catch (RuntimeException e) {
            aborted = aborted != null ? aborted : "the last check: " + e;
        }
        return new FaultResult(kills, writes.lostRows(), writes.wrongValues(), writes.wrongResults(), stuck, aborted);
    }

    /** @return what each kill and adaptation came to, one line each, then the totals */
    public List<String> report() {
        List<String> out = new ArrayList<>(log);
        out.add("kills by step seen before the kill: " + killedAt);
        out.add("adaptations: " + requested + ", ended " + outcomes);
        return out;
    }

    private void adaptOnce(AdaptationStep target, CheckedWrites writes) throws IOException {
        restartExited(writes, "before adaptation " + (requested + 1));
        String profile = FaultTable.PROFILES.get(requested++ % FaultTable.PROFILES.size());
        String[] requestedId = {null};
        // The client node may be reconnecting after the last kill.
        Await.until("an adaptation requested", settleBound, () -> {
            requestedId[0] = control.request(profile);
            return true;
        });
        String id = requestedId[0];
        AdaptationStep seen = target == AdaptationStep.ROLLING_BACK ? rollBackOnTheWay(id) : awaitStep(id, target);
        String line = "adaptation " + requested + " (" + id + "), target " + target + ": ";
        if (seen != null && !seen.finished()) {
            int manager = managerOrMinus();
            int victim = victim(manager);
            long t0 = System.nanoTime();
            writes.nodeDown();
            cluster.kill(victim);
            kills++;
            killedAt.merge(seen.name(), 1, Integer::sum);
            cluster.start(victim);
            List<Integer> exited = cluster.restartExited();
            cluster.awaitRebalanced();
            writes.settled();
            if (!exited.isEmpty())
                line += "nodes " + exited + " had exited by themselves and were started again; ";
            line += "killed node " + victim + (victim == manager ? " (the manager's)" : "") + " at " + seen
                + ", back in " + (System.nanoTime() - t0) / 1_000_000 + " ms; ";
        }
        else
            line += "not killed (seen " + seen + "); ";
        String end = awaitEnd(id);
        if (end == null) {
            stuck++;
            line += "STUCK at " + adaptations.step(id);
        }
        else if (end.equals(AdaptationStep.FAILED.name())) {
            stuck++;
            outcomes.merge(end, 1, Integer::sum);
            line += "STUCK: " + end + reason(id);
        }
        else {
            outcomes.merge(end, 1, Integer::sum);
            line += end + reason(id);
        }
        log.add(line);
        System.out.println(line);
    }

    /**
     * Starts again the nodes that exited by themselves (a node that a kill left segmented stops, and its process
     * exits), with the checks paused as for a kill, so that every round has all its nodes.
     */
    private void restartExited(CheckedWrites writes, String when) throws IOException {
        writes.nodeDown();
        List<Integer> exited = cluster.restartExited();
        if (!exited.isEmpty()) {
            cluster.awaitRebalanced();
            String line = "nodes " + exited + " had exited by themselves " + when + " and were started again";
            log.add(line);
            System.out.println(line);
        }
        writes.settled();
    }

    /** @return the step {@code id} is at once it was seen at or after {@code target}, or the end it reached without */
    private AdaptationStep awaitStep(String id, AdaptationStep target) {
        try {
            return control.steps().await(id, target, settleBound, adaptations::step);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + id + " at " + target, e);
        }
    }

    /** Asks for a rollback once the adaptation is on its way, then waits for {@code ROLLING_BACK}. */
    private AdaptationStep rollBackOnTheWay(String id) {
        AdaptationStep on = awaitStep(id, AdaptationStep.FILLING);
        if (on.finished())
            return on;
        Await.until("a rollback of " + id + " recorded", settleBound, () -> {
            adaptations.rollback(id, "fault run");
            return true;
        });
        return awaitStep(id, AdaptationStep.ROLLING_BACK);
    }

    /** @return the manager's node every other kill, another node otherwise */
    private int victim(int manager) {
        if (kills % 2 == 0 && manager >= 0)
            return manager;
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            if (i != manager)
                others.add(i);
        }
        return others.get(ThreadLocalRandom.current().nextInt(others.size()));
    }

    private int managerOrMinus() {
        try {
            return control.managerNode();
        }
        catch (RuntimeException e) {
            return -1;
        }
    }

    /** @return {@code DONE} or {@code ROLLED_BACK}, or {@code null} when neither within {@link #settleBound} */
    private String awaitEnd(String id) {
        String[] end = {null};
        try {
            Await.until("adaptation " + id + " to end", settleBound, () -> {
                String s = adaptations.step(id);
                end[0] = s;
                return s != null && AdaptationStep.valueOf(s).finished();
            });
            return end[0];
        }
        catch (IllegalStateException e) {
            return null;
        }
    }

    private String reason(String id) {
        try {
            String r = adaptations.reason(id);
            return r == null ? "" : " (" + r + ')';
        }
        catch (SQLException e) {
            return "";
        }
    }

    /** Closes the control client and the JDBC connection; the cluster stays up. */
    public void close() {
        adaptations.close();
        control.close();
    }
}
