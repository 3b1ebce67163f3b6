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

package dev.autopilot.adaptation.manage;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.internal.TopologyChange;
import dev.autopilot.adaptation.layout.LayoutCodec;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.ignite.IgniteLogger;

/**
 * Moves adaptations through their steps on behalf of one manager instance, identified by a fence token. It first
 * takes an adaptation by writing its token into the record; every later step is recorded by a compare-and-set
 * against the record it wrote last, so when another instance took the adaptation over, or a user asked for a
 * rollback, the next write fails and this runner reads the record again instead of acting on a stale one.
 */
public final class AdaptationRunner {
    /** How often a fill's progress is logged. */
    static final long PROGRESS_LOG_MILLIS = 5000;

    /**
     * How often a fill's progress is recorded. A record is a compare-and-set on the adaptation's row, and the fill's
     * threads wait for it (progress is reported one partition at a time): recorded after every one of 1,024
     * partitions, the drift benchmark's first fill (2 busy cores, 4 threads) took 77 s, recorded once a second 43 s.
     * A fill resumed after its node died redoes at most this much work.
     */
    static final long PROGRESS_RECORD_MILLIS = 1000;

    /**
     * Failed attempts of a step before the adaptation is rolled back, or, where rolling back is not safe
     * ({@link AdaptationStep#irreversible()}), ends {@link AdaptationStep#FAILED}.
     */
    static final int ATTEMPTS = 3;

    /** How long the runner waits after a step's first failure before trying it again; longer after each further one. */
    static final long PAUSE_MILLIS = 500;

    /**
     * Attempts of a step that failed because a node left or joined ({@link TopologyChange}) before it counts as one
     * failed attempt of {@link #ATTEMPTS}. A killed node is noticed within Ignite's failure detection timeout (10 s by
     * default) and its partitions move after that; with the pause growing by half a second each time, these attempts
     * span about a minute and a half, so one node's death alone never rolls an adaptation back or fails it.
     */
    static final int TOPOLOGY_ATTEMPTS = 20;

    /** Fills that find stale rows before the adaptation is rolled back. */
    static final int FILLS = 3;

    private final AdaptationRecords records;
    private final TableOwners owners;
    private final LayoutSteps steps;
    private final String token;
    private final BooleanSupplier stopped;
    private final LongSupplier clock;
    private final LatencyWatch watch;
    private final Function<Adaptation, String> hold;
    private final IgniteLogger log;
    private final Sleeper sleeper;

    /**
     * @param records where adaptations are recorded
     * @param owners who changes which table's layout: an adaptation owns its table until it is finished
     * @param steps the layout steps
     * @param token this instance's fence token, unique per instance
     * @param stopped whether this instance is being stopped: it then leaves adaptations for the next one to resume
     * @param clock epoch millis
     * @param watch decides, after the cut-over, whether the partition got slower
     * @param hold why an adaptation must not move on now, or {@code null} when it may: asked before every step and
     *     after every fill batch, so that an adaptation held while it fills stops within a batch, its progress
     *     recorded; held ones are marked {@link Adaptation#PAUSED} and move on once {@code hold} lets them
     * @param log for what went wrong
     * @param sleeper how to wait before a failed step is tried again ({@link Sleeper#REAL}); {@code clock} should see
     *     the time it waited pass
     */
    public AdaptationRunner(AdaptationRecords records, TableOwners owners, LayoutSteps steps, String token,
        BooleanSupplier stopped, LongSupplier clock, LatencyWatch watch, Function<Adaptation, String> hold,
        IgniteLogger log, Sleeper sleeper) {
        this.hold = hold;
        this.records = records;
        this.owners = owners;
        this.steps = steps;
        this.token = token;
        this.stopped = stopped;
        this.clock = clock;
        this.watch = watch;
        this.log = log;
        this.sleeper = sleeper;
    }

    /** Resumes, or finishes rolling back, every unfinished adaptation not held, oldest first. */
    public void runUnfinished() {
        for (Adaptation a : records.active()) {
            if (stopped.getAsBoolean())
                return;
            String why = hold.apply(a);
            if (why != null)
                pause(a, why);
            else
                run(a);
        }
    }

    /** Marks {@code a} held at its step, once, and says what is left unfinished. */
    private void pause(Adaptation a, String why) {
        if (a.isPaused())
            return;
        Adaptation held = a.paused(why + "; left at step " + a.step() + unfinishedFill(a), clock.getAsLong());
        if (cas(a, held) != null)
            log.warning("Autopilot adaptation " + a.id() + " of " + a.table() + " is " + held.reason());
    }

    private static String unfinishedFill(Adaptation a) {
        return a.step() != AdaptationStep.FILLING ? "" : String.format(Locale.ROOT, ", %.1f%% filled (%,d of %,d rows)",
            a.fill().percent(), a.fill().rowsFilled(), a.fill().rowsTotal());
    }

    private void run(Adaptation found) {
        if (!owners.claim(found)) {
            if (log.isDebugEnabled())
                log.debug("Autopilot adaptation " + found.id() + " waits: " + owners.describe(found.table()));
            return;
        }
        Adaptation a = cas(found, found.ownedBy(token, clock.getAsLong()));
        if (a != null && a.isPaused()) {
            a = cas(a, a.paused(null, clock.getAsLong()));
            if (a != null)
                log.info("Autopilot adaptation " + a.id() + " of " + a.table() + " moves on from step " + a.step());
        }
        int failures = 0;
        int topologyFailures = 0;
        int refills = 0;
        while (a != null && !a.step().finished() && !stopped.getAsBoolean() && !watching(a) && hold.apply(a) == null) {
            try {
                if (refilling(a) && ++refills >= FILLS) {
                    a = failed(a, "rows still stale after " + FILLS + " fills");
                    continue;
                }
                Adaptation next = advance(a);
                if (next != null && next.step() != a.step())
                    log.info("Autopilot adaptation " + a.id() + " of " + a.table() + ": " + a.step() + " -> "
                        + next.step());
                a = next != null ? next : reread(a);
            }
            catch (RuntimeException e) {
                if (stopped.getAsBoolean())
                    return;
                boolean topology = TopologyChange.caused(e);
                log.warning("Autopilot adaptation " + a.id() + " of " + a.table() + " failed at step " + a.step()
                    + (topology ? " as the cluster's nodes changed; trying again" : ""), e);
                Adaptation now = reread(a);
                if (now == null)
                    return;
                if (now.step() != a.step()) {
                    failures = 0;
                    topologyFailures = 0;
                }
                else if (topology && ++topologyFailures < TOPOLOGY_ATTEMPTS) {
                    if (!pause(topologyFailures))
                        return;
                }
                else if (++failures >= ATTEMPTS)
                    now = failed(now, String.valueOf(e));
                else if (!pause(failures))
                    return;
                a = now;
            }
        }
        if (a != null && a.step().finished())
            owners.release(a);
    }

    /** @return the record after the step, or {@code null} when the record changed under this runner */
    private Adaptation advance(Adaptation a) {
        PartitionLayout before = LayoutCodec.read(a.layoutBefore());
        TableSchema table = before.table();
        LayoutPlan plan = LayoutPlan.read(a.plan(), table);
        long now = clock.getAsLong();
        switch (a.step()) {
            case PLANNED -> {
                retireBeforeFill(table, plan);
                steps.addColumns(table, plan);
                return cas(a, a.at(plan.columns().isEmpty() ? AdaptationStep.FILLED : AdaptationStep.COLUMNS_ADDED,
                    now));
            }
            case COLUMNS_ADDED -> {
                return cas(a, a.filled(a.fill().starting(steps.rows(table), now), now).at(AdaptationStep.FILLING,
                    now));
            }
            case FILLING -> {
                return fill(a, table, plan);
            }
            case FILLED -> {
                steps.buildIndexes(table, plan.indexes());
                return cas(a, a.at(AdaptationStep.INDEXED, now));
            }
            case INDEXED -> {
                steps.cutOver(table, plan);
                return cas(a, a.cutOver(watch.enabled(), plan.retires(), now));
            }
            case WATCHING -> {
                return judge(a, plan, now);
            }
            case RETIRING -> {
                steps.drainCurrent(table);
                steps.dropRetired(table, plan);
                return cas(a, a.at(AdaptationStep.DONE, clock.getAsLong()));
            }
            case ROLLING_BACK -> {
                steps.buildIndexes(table, plan.retiredBeforeFill());
                steps.drain(steps.takeBack(table, before, plan));
                steps.dropAdded(table, plan);
                return cas(a, a.at(AdaptationStep.ROLLED_BACK, now));
            }
            default -> throw new IllegalStateException("Nothing to do at step " + a.step());
        }
    }

    /**
     * Drops the indexes the plan retires before its fill ({@link LayoutPlan#retiredBeforeFill}): out of the layout
     * first, then, once no node can run a plan made before, from the table. A rollback builds them again before it
     * takes the plan back in the layout, whose rewrites may name them.
     */
    private void retireBeforeFill(TableSchema table, LayoutPlan plan) {
        List<LayoutIndex> early = plan.retiredBeforeFill();
        if (early.isEmpty())
            return;
        steps.drain(steps.unlist(table, early));
        steps.dropIndexes(table, early);
    }

    /**
     * Fills from the recorded partition on, recording each partition done; once past the last, checks every row
     * against Ignite SQL and either records the fill finished or starts it again from the first partition.
     */
    private Adaptation fill(Adaptation start, TableSchema table, LayoutPlan plan) {
        Adaptation[] last = {start};
        FillState[] reached = {start.fill()};
        long[] recorded = {clock.getAsLong()};
        long[] logged = {clock.getAsLong()};
        boolean complete = steps.fill(table, start.nextPartition(), (next, rows, nice) -> {
            long now = clock.getAsLong();
            reached[0] = reached[0].at(next, start.rowsFilled() + rows, nice);
            boolean go = !stopped.getAsBoolean() && hold.apply(start) == null;
            if (go && now - recorded[0] < PROGRESS_RECORD_MILLIS)
                return true;
            recorded[0] = now;
            last[0] = cas(last[0], last[0].filled(reached[0], now));
            if (last[0] != null && now - logged[0] >= PROGRESS_LOG_MILLIS) {
                logged[0] = now;
                log.info(progress(last[0], now));
            }
            return last[0] != null && go;
        });
        if (!complete || last[0] == null)
            return last[0];
        long stale = steps.staleRows(table, plan.columns().stream().map(LayoutPlan.NewColumn::column)
            .toList());
        long now = clock.getAsLong();
        if (stale == 0)
            return cas(last[0], last[0].filled(reached[0], now).at(AdaptationStep.FILLED, now));
        log.warning("Autopilot adaptation " + start.id() + " of " + start.table() + " found " + stale
            + " rows stale after its fill; filling again");
        FillState f = last[0].fill();
        return cas(last[0], last[0].filled(f.at(0, f.rowsFilled(), f.niceRatio()), now));
    }

    private static String progress(Adaptation a, long now) {
        FillState f = a.fill();
        return String.format(Locale.ROOT, "Autopilot adaptation %s of %s: filled %.1f%% (%,d of %,d rows), %,.0f rows/s,"
            + " %.0f s left, pausing %.1fx each batch's time", a.id(), a.table(), f.percent(), f.rowsFilled(),
            f.rowsTotal(), f.rowsPerSecond(now), f.etaSeconds(now), f.niceRatio());
    }

    /** @return whether {@code a} waits for the windows after its cut-over to complete */
    private boolean watching(Adaptation a) {
        return a.step() == AdaptationStep.WATCHING && !watch.due(a, clock.getAsLong());
    }

    /** Keeps a cut-over that did not make the partition slower; rolls back one that did. */
    private Adaptation judge(Adaptation a, LayoutPlan plan, long now) {
        LatencyComparison c = watch.compare(a);
        Adaptation measured = a.with(a.measurement().measured(c));
        if (!watch.regressed(c)) {
            log.info("Autopilot adaptation " + a.id() + " of " + a.table() + " is kept: " + c);
            return cas(a, measured.at(Adaptation.kept(plan.retires()), now));
        }
        log.warning("Autopilot adaptation " + a.id() + " of " + a.table() + " made it slower (" + c
            + "); rolling back");
        return cas(a, measured.rollingBack(Adaptation.LATENCY_REGRESSED + ": " + c, now));
    }

    /** @return whether the adaptation is about to fill again after a fill that left stale rows */
    private static boolean refilling(Adaptation a) {
        return a.step() == AdaptationStep.FILLING && a.nextPartition() == 0 && a.rowsFilled() > 0;
    }

    /** Waits a little longer after each failure, for the topology change that most likely caused it to settle. */
    private boolean pause(int failures) {
        try {
            sleeper.sleep(PAUSE_MILLIS * failures);
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Ends what failed {@link #ATTEMPTS} times: rolls it back, or records it {@link AdaptationStep#FAILED} where going
     * back is not safe; in both cases the record says why.
     */
    private Adaptation failed(Adaptation a, String why) {
        boolean stop = a.step().irreversible();
        log.warning("Autopilot " + (stop ? "stops" : "rolls back") + " adaptation " + a.id() + " of " + a.table()
            + " after " + ATTEMPTS + " failed attempts at " + a.step() + ": " + why);
        Adaptation next = cas(a, stop ? a.failed(why, clock.getAsLong())
            : a.rollingBack(a.step() + ": " + why, clock.getAsLong()));
        return next != null ? next : reread(a);
    }

    /** @return {@code next} if the record was {@code expected}, else {@code null} */
    private Adaptation cas(Adaptation expected, Adaptation next) {
        return records.replace(expected, next) ? next : null;
    }

    /** @return the record now if this instance still owns it, else {@code null} */
    private Adaptation reread(Adaptation a) {
        Adaptation now = records.get(a.id());
        return now != null && token.equals(now.owner()) ? now : null;
    }
}
