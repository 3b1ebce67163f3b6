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
    private final LayoutSteps steps;
    private final LongSupplier clock;

    /**
     * @param records where adaptations are recorded
     * @param steps plans the structures a profile adds
     * @param clock epoch millis
     */
    public AdaptationRequests(AdaptationRecords records, LayoutSteps steps, LongSupplier clock) {
        this.records = records;
        this.steps = steps;
        this.clock = clock;
    }

    /**
     * @param profile a validated profile
     * @param profileJson its text, kept with the record
     * @param table the table as its user defined it
     * @param trigger {@link Adaptation#REQUESTED}, or why the manager decided on it
     * @return the id of the new adaptation
     * @throws IllegalStateException when an adaptation of the table is not finished yet
     * @throws dev.autopilot.sql.expression.ProfileValidationException when the profile does not fit the table
     */
    public String request(SchemaProfile profile, String profileJson, TableSchema table, String trigger) {
        for (Adaptation a : records.unfinished()) {
            if (a.table().equals(table.table()))
                throw new IllegalStateException("Adaptation " + a.id() + " of " + a.table() + " is at step "
                    + a.step() + "; request another one when it is finished");
        }
        PartitionLayout before = steps.current(table);
        LayoutPlan plan = steps.replacing(profile, before);
        long now = clock.getAsLong();
        String id = UUID.randomUUID().toString();
        double expected = profile.expectedBenefit() == null ? Double.NaN : profile.expectedBenefit().netGain();
        records.create(new Adaptation(id, table.table(), AdaptationStep.PLANNED, FillState.NONE, null, null, null, now, now,
            profileJson, plan.write(), LayoutCodec.write(before), trigger, Measurement.expecting(expected)));
        return id;
    }

    /**
     * @return what {@code profile} would add to {@code table} now
     * @throws dev.autopilot.sql.expression.ProfileValidationException when the profile does not fit the table
     */
    public LayoutPlan plan(SchemaProfile profile, TableSchema table) {
        return steps.replacing(profile, steps.current(table));
    }

    /**
     * Asks for an adaptation to be taken back, finished or not; the manager puts the layout before it back at once.
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
            if (a.step() == AdaptationStep.RETIRING || a.step() == AdaptationStep.DONE
                && LayoutPlan.read(a.plan(), LayoutCodec.read(a.layoutBefore()).table()).retires())
                throw new IllegalStateException("Adaptation " + id + " of " + a.table() + " dropped the structures it "
                    + "retired after its grace period: request an adaptation to the profile before it instead");
            if (records.replace(a, a.rollingBack("rollback requested", clock.getAsLong())))
                return true;
        }
    }
}
