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

/**
 * One adaptation of a partition to a profile, as recorded in {@code AUTOPILOT.ADAPTATIONS}: everything a node needs to
 * resume it or take it back.
 *
 * @param id its id
 * @param table {@code SCHEMA.TABLE}
 * @param step where it stands
 * @param fill how far the fill got, and its pace
 * @param owner the fence token of the manager instance acting on it ({@code null} before one took it)
 * @param outcome {@code completed} or {@code rolled back} once finished, else {@code null}
 * @param reason why it was rolled back
 * @param startedAt when it was requested, epoch millis
 * @param updatedAt when its record last changed, epoch millis
 * @param profile the profile JSON as requested
 * @param plan the {@code LayoutPlan} JSON
 * @param layoutBefore the partition's layout before it ({@code LayoutCodec} JSON), always with the table's schema
 * @param trigger who asked for it and why: {@link #REQUESTED} by a user, or what the manager measured
 * @param measurement the gain expected, and the latency measured before and after the cut-over
 */
public record Adaptation(String id, String table, AdaptationStep step, FillState fill, String owner, String outcome,
    String reason, long startedAt, long updatedAt, String profile, String plan,
    String layoutBefore, String trigger, Measurement measurement) {
    /** What a completed adaptation records as its outcome. */
    public static final String COMPLETED = "completed";

    /** What a rolled back adaptation records as its outcome. */
    public static final String ROLLED_BACK = "rolled back";

    /** How the reason of an adaptation rolled back because it made its table slower starts. */
    public static final String LATENCY_REGRESSED = "latency regressed";

    /** How the reason of an adaptation the manager took back for a newer profile (the workload drifted) starts. */
    public static final String SUPERSEDED = "superseded";

    /** The reason of an adaptation, or of a recommendation, whose table a user dropped. */
    public static final String TABLE_DROPPED = "table dropped";

    /**
     * How the reason of an adaptation starts while it is held at its step (the manager was switched OFF); the reason
     * is cleared when it moves on again.
     */
    public static final String PAUSED = "paused";

    /** What an adaptation that ended {@link AdaptationStep#FAILED} records as its outcome. */
    public static final String FAILED = "failed";

    /** What a rejected recommendation records as its outcome. */
    public static final String REJECTED = "rejected";

    /** The trigger of an adaptation a user asked for. */
    public static final String REQUESTED = "requested";

    /** How the trigger of a recommendation a user applied ends. */
    public static final String APPLIED_BY_USER = "applied by a user";

    /** @return this record at {@code next}, changed at {@code now} */
    public Adaptation at(AdaptationStep next, long now) {
        String out = switch (next) {
            case DONE -> COMPLETED;
            case ROLLED_BACK -> ROLLED_BACK;
            case REJECTED -> REJECTED;
            case FAILED -> FAILED;
            default -> null;
        };
        return new Adaptation(id, table, next, fill, owner, out, reason, startedAt, now, profile,
            plan, layoutBefore, trigger, measurement);
    }

    /**
     * @param watched whether the latency after the cut-over is compared with before
     * @param retires whether the adaptation retires structures
     * @return this record cut over at {@code now}: WATCHING, or if not watched, RETIRING or DONE
     */
    public Adaptation cutOver(boolean watched, boolean retires, long now) {
        Adaptation cut = at(watched ? AdaptationStep.WATCHING : kept(retires), now);
        return cut.with(measurement.cutOver(now));
    }

    /** @return the step after an adaptation is kept: RETIRING if it retires structures, else DONE */
    public static AdaptationStep kept(boolean retires) {
        return retires ? AdaptationStep.RETIRING : AdaptationStep.DONE;
    }

    /** @return this record with {@code m} */
    public Adaptation with(Measurement m) {
        return new Adaptation(id, table, step, fill, owner, outcome, reason, startedAt, updatedAt,
            profile, plan, layoutBefore, trigger, m);
    }

    /** @return rows filled so far */
    public long rowsFilled() {
        return fill.rowsFilled();
    }

    /** @return the first partition the fill has not finished */
    public int nextPartition() {
        return fill.nextPartition();
    }

    /** @return this record with fill progress */
    public Adaptation filled(FillState f, long now) {
        return new Adaptation(id, table, step, f, owner, outcome, reason, startedAt, now, profile, plan,
            layoutBefore, trigger, measurement);
    }

    /** @return this record taken by the manager instance holding {@code token} */
    public Adaptation ownedBy(String token, long now) {
        return new Adaptation(id, table, step, fill, token, outcome, reason, startedAt, now,
            profile, plan, layoutBefore, trigger, measurement);
    }

    /** @return this recommendation rejected by a user, because of {@code why} */
    public Adaptation rejected(String why, long now) {
        return new Adaptation(id, table, AdaptationStep.REJECTED, fill, owner, REJECTED, why, startedAt, now, profile,
            plan, layoutBefore, trigger, measurement);
    }

    /** @return this recommendation applied at {@code now}: planned anew against the partition's layout now */
    public Adaptation applied(LayoutPlanned planned, long now) {
        return new Adaptation(id, table, AdaptationStep.PLANNED, fill, owner, outcome, reason, now, now, profile,
            planned.plan(), planned.layoutBefore(), trigger + "; " + APPLIED_BY_USER, measurement);
    }

    /**
     * A plan and the layout it starts from, as JSON.
     *
     * @param plan the {@code LayoutPlan} JSON
     * @param layoutBefore the {@code LayoutCodec} JSON of the layout before it
     */
    public record LayoutPlanned(String plan, String layoutBefore) {
    }

    /** @return this record held at its step because of {@code why}, or moving on again when {@code why} is null */
    public Adaptation paused(String why, long now) {
        return new Adaptation(id, table, step, fill, owner, outcome, why == null ? null : PAUSED + ": " + why,
            startedAt, now, profile, plan, layoutBefore, trigger, measurement);
    }

    /** @return whether it is held at its step (see {@link #PAUSED}) */
    public boolean isPaused() {
        return reason != null && reason.startsWith(PAUSED);
    }

    /** @return this record ended {@link AdaptationStep#FAILED} at its step, because of {@code why} */
    public Adaptation failed(String why, long now) {
        return new Adaptation(id, table, AdaptationStep.FAILED, fill, owner, FAILED, step + " failed: " + why,
            startedAt, now, profile, plan, layoutBefore, trigger, measurement);
    }

    /** @return this record rolling back, because of {@code why} */
    public Adaptation rollingBack(String why, long now) {
        return new Adaptation(id, table, AdaptationStep.ROLLING_BACK, fill, owner, null, why,
            startedAt, now, profile, plan, layoutBefore, trigger, measurement);
    }
}
