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
 * Where an adaptation of a partition stands. Forward steps run in declaration order up to {@link #DONE}; a failure or a
 * rollback request sends it to {@link #ROLLING_BACK} from any step. A recommendation waits for a user, who applies it
 * (it becomes {@link #PLANNED}) or rejects it.
 */
public enum AdaptationStep {
    /** The manager recommends it (mode RECOMMEND); nothing happens until a user applies or rejects it. */
    RECOMMENDED,

    /** Recorded with its plan and the layout before it; nothing changed yet. */
    PLANNED,

    /** The new columns exist and every write derives them; old rows may hold no value. */
    COLUMNS_ADDED,

    /** Old rows are being filled, partition by partition, from the recorded next partition on. */
    FILLING,

    /** Every row holds its derived values. */
    FILLED,

    /** The new indexes are built; the rewriter does not know them yet. */
    INDEXED,

    /**
     * Cut over: the layout lets the rewriter use the new columns and indexes, and the manager compares the latency of
     * the partition's statements with what it was before, to roll back if it got worse.
     */
    WATCHING,

    /**
     * Kept after the cut-over; the structures the new profile leaves out, unused since the cut-over, are dropped now
     * that the grace period (the watch) is over. A rollback is no longer possible from here on.
     */
    RETIRING,

    /** Cut over, and not worse than before (or not measured, when nothing ran). */
    DONE,

    /** The layout before is put back, then the added indexes and columns are dropped. */
    ROLLING_BACK,

    /** The partition is as it was before. */
    ROLLED_BACK,

    /** A user rejected the recommendation; the manager does not recommend the same change again. */
    REJECTED,

    /**
     * A step that cannot be undone safely failed every attempt: rolling back, or retiring after the adaptation was kept
     * (its structures may be partly dropped, so rolling back would restore a layout naming what is gone). The manager
     * stops there; the layout lists every column still present, writes keep them current, and the reason says what
     * failed, for a user to fix and then adapt or remove the table's structures.
     */
    FAILED;

    /** @return whether nothing is left to do */
    public boolean finished() {
        return this == DONE || this == ROLLED_BACK || this == REJECTED || this == FAILED;
    }

    /** @return whether a failure here ends the adaptation {@link #FAILED} rather than rolling it back */
    public boolean irreversible() {
        return this == ROLLING_BACK || this == RETIRING;
    }

    /** @return whether it is on its way and not cut over yet: taking it back leaves the table as it was */
    public boolean beforeCutOver() {
        return this == PLANNED || this == COLUMNS_ADDED || this == FILLING || this == FILLED || this == INDEXED;
    }

    /** @return whether the manager carries it on now: neither finished nor waiting for a user */
    public boolean active() {
        return !finished() && this != RECOMMENDED;
    }
}
