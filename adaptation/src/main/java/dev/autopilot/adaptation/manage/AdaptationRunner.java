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
import java.util.function.LongSupplier;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.apply.LayoutSteps;
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
    /**
     * How long a rollback waits between putting the layout before back and dropping what the adaptation added: queries
     * planned over the added columns, before the rewriter stopped using them, finish first. Ignite fails a query whose
     * plan still has a column that was dropped while it ran.
     */
    static final long DROP_GRACE_MILLIS = 1000;

    /** How often a fill's progress is logged. */
    static final long PROGRESS_LOG_MILLIS = 5000;

    /**
     * How often a fill's progress is recorded. A record is a compare-and-set on the adaptation's row, and the fill's
     * threads wait for it (progress is reported one partition at a time): recorded after every one of 1,024
     * partitions, the drift benchmark's first fill (2 busy cores, 4 threads) took 77 s, recorded once a second 43 s.
     * A fill resumed after its node died redoes at most this much work.
     */
    static final long PROGRESS_RECORD_MILLIS = 1000;

    /** Failed attempts of a forward step before the adaptation is rolled back. */
    static final int ATTEMPTS = 3;

    /** Fills that find stale rows before the adaptation is rolled back. */
    static final int FILLS = 3;

    private final AdaptationRecords records;
    private final LayoutSteps steps;
    private final String token;
    private final BooleanSupplier stopped;
    private final LongSupplier clock;
    private final LatencyWatch watch;
    private final IgniteLogger log;

    /**
     * @param records where adaptations are recorded
     * @param steps the layout steps
     * @param token this instance's fence token, unique per instance
     * @param stopped whether this instance is being stopped: it then leaves adaptations for the next one to resume
     * @param clock epoch millis
     * @param watch decides, after the cut-over, whether the partition got slower
     * @param log for what went wrong
     */
    public AdaptationRunner(AdaptationRecords records, LayoutSteps steps, String token, BooleanSupplier stopped,
        LongSupplier clock, LatencyWatch watch, IgniteLogger log) {
        this.records = records;
        this.steps = steps;
        this.token = token;
        this.stopped = stopped;
        this.clock = clock;
        this.watch = watch;
        this.log = log;
    }

    /** Resumes, or finishes rolling back, every unfinished adaptation, oldest first. */
    public void runUnfinished() {
        for (Adaptation a : records.active()) {
            if (stopped.getAsBoolean())
                return;
            run(a);
        }
    }

    private void run(Adaptation found) {
        Adaptation a = cas(found, found.ownedBy(token, clock.getAsLong()));
        int failures = 0;
        int refills = 0;
        while (a != null && !a.step().finished() && !stopped.getAsBoolean() && !watching(a)) {
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
                log.warning("Autopilot adaptation " + a.id() + " of " + a.table() + " failed at step " + a.step(), e);
                a = reread(a);
                if (a == null || a.step() == AdaptationStep.ROLLING_BACK)
                    return;
                if (++failures >= ATTEMPTS)
                    a = failed(a, a.step() + ": " + e);
                else if (!pause(failures))
                    return;
            }
        }
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
                graceAfter(a.measurement().cutOverAt());
                steps.dropRetired(table, plan);
                return cas(a, a.at(AdaptationStep.DONE, clock.getAsLong()));
            }
            case ROLLING_BACK -> {
                steps.buildIndexes(table, plan.retiredBeforeFill());
                steps.restore(before);
                drain();
                steps.dropAdded(table, plan);
                return cas(a, a.at(AdaptationStep.ROLLED_BACK, now));
            }
            default -> throw new IllegalStateException("Nothing to do at step " + a.step());
        }
    }

    /**
     * Drops the indexes the plan retires before its fill ({@link LayoutPlan#retiredBeforeFill}): out of the layout
     * first, then, after the grace period, from the table. A rollback builds them again before it restores the layout,
     * whose rewrites may name them.
     */
    private void retireBeforeFill(TableSchema table, LayoutPlan plan) {
        List<LayoutIndex> early = plan.retiredBeforeFill();
        if (early.isEmpty())
            return;
        steps.unlist(table, early);
        drain();
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
            if (now - recorded[0] < PROGRESS_RECORD_MILLIS)
                return !stopped.getAsBoolean();
            recorded[0] = now;
            last[0] = cas(last[0], last[0].filled(reached[0], now));
            if (last[0] != null && now - logged[0] >= PROGRESS_LOG_MILLIS) {
                logged[0] = now;
                log.info(progress(last[0], now));
            }
            return last[0] != null && !stopped.getAsBoolean();
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

    /** Waits {@link #DROP_GRACE_MILLIS}; a runner stopped meanwhile leaves the drop to the next one. */
    private void drain() {
        graceAfter(clock.getAsLong());
    }

    /** Waits until {@link #DROP_GRACE_MILLIS} after {@code since}; a runner stopped meanwhile leaves the rest. */
    private void graceAfter(long since) {
        long wait = since + DROP_GRACE_MILLIS - clock.getAsLong();
        if (wait <= 0)
            return;
        try {
            Thread.sleep(wait);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped before dropping what the adaptation added", e);
        }
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
    private static boolean pause(int failures) {
        try {
            Thread.sleep(500L * failures);
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Adaptation failed(Adaptation a, String why) {
        log.warning("Autopilot rolls back adaptation " + a.id() + " of " + a.table() + ": " + why);
        Adaptation next = cas(a, a.rollingBack(why, clock.getAsLong()));
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
