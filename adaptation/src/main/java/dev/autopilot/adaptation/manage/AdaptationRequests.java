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

import java.util.UUID;
import java.util.function.LongSupplier;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.layout.LayoutCodec;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;

/**
 * What users ask of the Partition Adaptation Manager: to adapt a partition to a profile, or to take an adaptation
 * back. Both only write a record; the manager's cluster singleton does the work, so a request survives any node.
 */
public final class AdaptationRequests {
    private final AdaptationRecords records;
    private final TableOwners owners;
    private final LayoutSteps steps;
    private final LongSupplier clock;

    /**
     * @param records where adaptations are recorded
     * @param owners who changes which table's layout: an adaptation takes its table before it is recorded
     * @param steps plans the structures a profile adds
     * @param clock epoch millis
     */
    public AdaptationRequests(AdaptationRecords records, TableOwners owners, LayoutSteps steps, LongSupplier clock) {
        this.records = records;
        this.owners = owners;
        this.steps = steps;
        this.clock = clock;
    }

    /**
     * @param profile a validated profile
     * @param profileJson its text, kept with the record
     * @param table the table as its user defined it
     * @param trigger {@link Adaptation#REQUESTED}, or why the manager decided on it
     * @return the id of the new adaptation
     * @throws IllegalStateException when an adaptation of the table is not finished yet, or another writer has it
     * @throws dev.autopilot.sql.expression.ProfileValidationException when the profile does not fit the table
     */
    public String request(SchemaProfile profile, String profileJson, TableSchema table, String trigger) {
        String id = UUID.randomUUID().toString();
        owners.takeFor(table.table(), id);
        try {
            requireNoneActive(table);
            create(id, profile, profileJson, table, trigger, AdaptationStep.PLANNED);
            return id;
        }
        catch (RuntimeException e) {
            owners.release(table.table(), id);
            throw e;
        }
    }

    /**
     * Records what the manager would do, for a user to apply or reject; nothing changes until then.
     *
     * @return the id of the recommendation
     * @throws dev.autopilot.sql.expression.ProfileValidationException when the profile does not fit the table
     */
    public String recommend(SchemaProfile profile, String profileJson, TableSchema table, String trigger) {
        String id = UUID.randomUUID().toString();
        create(id, profile, profileJson, table, trigger, AdaptationStep.RECOMMENDED);
        return id;
    }

    /**
     * Applies a recommendation: it becomes an adaptation planned against the partition's layout now, which may have
     * changed since it was recommended.
     *
     * @param id a recommendation
     * @param profile its profile, validated against the table now
     * @param table the table as its user defined it
     * @throws IllegalArgumentException when there is no adaptation {@code id}
     * @throws IllegalStateException when it is not a pending recommendation, or an adaptation or another writer has
     *     the table
     */
    public void apply(String id, SchemaProfile profile, TableSchema table) {
        Adaptation a = recommendation(id);
        owners.takeFor(table.table(), id);
        try {
            requireNoneActive(table);
            PartitionLayout before = steps.current(table);
            Adaptation.LayoutPlanned planned = new Adaptation.LayoutPlanned(steps.replacing(profile, before).write(),
                LayoutCodec.write(before));
            if (!records.replace(a, a.applied(planned, clock.getAsLong())))
                throw new IllegalStateException("Recommendation " + id + " changed meanwhile; read it again");
        }
        catch (RuntimeException e) {
            owners.release(table.table(), id);
            throw e;
        }
    }

    /**
     * Rejects a recommendation: the manager does not recommend the same change of the table again.
     *
     * @throws IllegalArgumentException when there is no adaptation {@code id}
     * @throws IllegalStateException when it is not a pending recommendation
     */
    public void reject(String id, String why) {
        Adaptation a = recommendation(id);
        if (!records.replace(a, a.rejected(why, clock.getAsLong())))
            throw new IllegalStateException("Recommendation " + id + " changed meanwhile; read it again");
    }

    /** @return the adaptation record {@code id}, which must be a pending recommendation */
    public Adaptation recommendation(String id) {
        Adaptation a = records.get(id);
        if (a == null)
            throw new IllegalArgumentException("No adaptation " + id);
        if (a.step() != AdaptationStep.RECOMMENDED)
            throw new IllegalStateException("Adaptation " + id + " of " + a.table() + " is at step " + a.step()
                + ", not a pending recommendation");
        return a;
    }

    private void requireNoneActive(TableSchema table) {
        for (Adaptation a : records.active()) {
            if (a.table().equals(table.table()))
                throw new IllegalStateException("Adaptation " + a.id() + " of " + a.table() + " is at step "
                    + a.step() + "; request another one when it is finished");
        }
    }

    private void create(String id, SchemaProfile profile, String profileJson, TableSchema table, String trigger,
        AdaptationStep step) {
        PartitionLayout before = steps.current(table);
        LayoutPlan plan = steps.replacing(profile, before);
        long now = clock.getAsLong();
        double expected = profile.expectedBenefit() == null ? Double.NaN : profile.expectedBenefit().netGain();
        records.create(new Adaptation(id, table.table(), step, FillState.NONE, null, null, null, now, now,
            profileJson, plan.write(), LayoutCodec.write(before), trigger, Measurement.expecting(expected)));
    }

    /**
     * @return what {@code profile} would add to {@code table} now
     * @throws dev.autopilot.sql.expression.ProfileValidationException when the profile does not fit the table
     */
    public LayoutPlan plan(SchemaProfile profile, TableSchema table) {
        return steps.replacing(profile, steps.current(table));
    }

    /**
     * Asks for an adaptation to be taken back, finished or not; the manager stops queries using what it added at once.
     * One that retired structures can be taken back only until they are dropped, at the end of its grace period.
     *
     * @return whether it will be rolled back ({@code false} when it already is)
     * @throws IllegalArgumentException when there is no adaptation {@code id}
     * @throws IllegalStateException when it dropped structures the layout before it had
     */
    public boolean rollback(String id) {
        while (true) {
            Adaptation a = records.get(id);
            if (a == null)
                throw new IllegalArgumentException("No adaptation " + id);
            if (a.step() == AdaptationStep.ROLLING_BACK || a.step() == AdaptationStep.ROLLED_BACK)
                return false;
            if (a.step() == AdaptationStep.FAILED)
                throw new IllegalStateException("Adaptation " + id + " of " + a.table() + " failed (" + a.reason()
                    + "): fix the cause, then request an adaptation of the table or remove its structures");
            if (a.step() == AdaptationStep.RECOMMENDED || a.step() == AdaptationStep.REJECTED)
                throw new IllegalStateException("Adaptation " + id + " of " + a.table() + " is a recommendation ("
                    + a.step() + "): nothing to roll back");
            if (a.step() == AdaptationStep.RETIRING || a.step() == AdaptationStep.DONE
                && LayoutPlan.read(a.plan(), LayoutCodec.read(a.layoutBefore()).table()).retires())
                throw new IllegalStateException("Adaptation " + id + " of " + a.table() + " dropped the structures it "
                    + "retired after its grace period: request an adaptation to the profile before it instead");
            if (records.replace(a, a.rollingBack("rollback requested", clock.getAsLong())))
                return true;
        }
    }

    /**
     * Takes back an adaptation the manager decided, on the records it read then, to supersede: only if it is still
     * before its cut-over. The compare-and-set is against the record read here, so one that cut over since the
     * decision is left as it is.
     *
     * @param why why the manager supersedes it
     * @return whether it will be rolled back
     */
    public boolean supersede(String id, String why) {
        while (true) {
            Adaptation a = records.get(id);
            if (a == null || !a.step().beforeCutOver())
                return false;
            if (records.replace(a, a.rollingBack(Adaptation.SUPERSEDED + ": " + why, clock.getAsLong())))
                return true;
        }
    }

    /**
     * Ends the adaptations and recommendations of a table that a user dropped, those requested before it was: no step
     * of theirs can run, and nothing is left to restore, so each is recorded {@link AdaptationStep#ROLLED_BACK rolled
     * back} (a recommendation {@link AdaptationStep#REJECTED rejected}) at once, rather than failing its steps for
     * ever. A runner moving one on finds its record changed and lets it go.
     *
     * @param droppedAt when the table was dropped, epoch millis: a new table of the same name keeps its adaptations
     */
    public void tableDropped(String table, long droppedAt) {
        for (Adaptation a : records.all()) {
            while (a != null && a.table().equals(table) && !a.step().finished() && a.startedAt() <= droppedAt) {
                long now = clock.getAsLong();
                Adaptation ended = a.step() == AdaptationStep.RECOMMENDED ? a.rejected(Adaptation.TABLE_DROPPED, now)
                    : a.rollingBack(Adaptation.TABLE_DROPPED, now).at(AdaptationStep.ROLLED_BACK, now);
                a = records.replace(a, ended) ? null : records.get(a.id());
            }
        }
    }
}
