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

package dev.autopilot.adaptation.control;

import java.util.List;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;

/**
 * What a user does with the adaptations of a node's cluster: give a table a profile's structures now or through the
 * Partition Adaptation Manager, decide on its recommendations, roll adaptations back, pin tables, and take Autopilot's
 * structures away. Tables are named {@code SCHEMA.TABLE}; a profile is the JSON of a {@code SchemaProfile}, e.g. one
 * from {@code AUTOPILOT.SCHEMA_PROFILES}.
 */
public interface AdaptationControl {
    /** A node's plugin that has these controls: how {@code control.sh} commands reach them on the node. */
    interface Owner {
        /** @return the node's adaptation controls */
        AdaptationControl adaptation();
    }

    /**
     * Gives a table the derived columns and indexes of a profile now, while the cluster keeps serving; structures the
     * table has already are kept. The fill runs as fast as it goes: for one paced to the foreground, resumable and
     * watched, use {@link #requestAdaptation}.
     *
     * @return the table's layout afterwards
     * @throws dev.autopilot.sql.expression.ProfileValidationException naming the field when the profile is refused,
     *     or the cache when it is not ATOMIC; nothing changed then
     * @throws IllegalStateException naming the adaptation or call that is changing the table; nothing changed then
     */
    PartitionLayout applyProfile(String profileJson);

    /**
     * Asks the Partition Adaptation Manager to give a table the structures of a profile: unlike {@link #applyProfile},
     * it returns at once, and the change goes on, or is rolled back, whichever node leaves.
     *
     * @return the adaptation's id; its progress is in {@link #adaptations()} and {@code AUTOPILOT.ADAPTATIONS}
     * @throws dev.autopilot.sql.expression.ProfileValidationException naming the field when the profile is refused,
     *     or the cache when it is not ATOMIC
     * @throws IllegalStateException when the table is pinned, an adaptation of it is not finished, or a call changes it
     */
    String requestAdaptation(String profileJson);

    /**
     * Applies a recommendation of the manager (mode RECOMMEND): it becomes an adaptation, planned against the table's
     * layout now. The same as inserting {@code APPLY} into {@code AUTOPILOT.ADAPTATION_COMMANDS}.
     *
     * @throws IllegalStateException when it is not a pending recommendation, the table is pinned or an adaptation of
     *     it runs
     * @throws dev.autopilot.sql.expression.ProfileValidationException when the table changed so that its profile no
     *     longer fits
     */
    void applyRecommendation(String id);

    /**
     * Rejects a recommendation of the manager, which then does not recommend the same change again. The same as
     * inserting {@code REJECT} into {@code AUTOPILOT.ADAPTATION_COMMANDS}.
     *
     * @param reason why, or {@code null}
     * @throws IllegalStateException when it is not a pending recommendation
     */
    void rejectRecommendation(String id, String reason);

    /**
     * Takes an adaptation back, finished or not: the table's layout before it is restored at once, then the columns
     * and indexes it added are dropped.
     *
     * @return whether it will be rolled back ({@code false} when it already was)
     */
    boolean rollbackAdaptation(String id);

    /**
     * Pins a table: no adaptation starts on it, requested or automatic, until it is unpinned. The same as
     * {@code INSERT INTO AUTOPILOT.ADAPTATION_PINS (TABLE_NAME, REASON, PINNED_AT) VALUES (...)}.
     *
     * @param reason why, for whoever reads the pins
     */
    void pin(String table, String reason);

    /** Unpins a table pinned at run time; tables pinned in the configuration stay pinned. */
    void unpin(String table);

    /** @return whether {@code table} is pinned, in the configuration or at run time */
    boolean pinned(String table);

    /** @return every adaptation and recommendation recorded, oldest first */
    List<Adaptation> adaptations();

    /**
     * Removes every derived column and index Autopilot added to {@code table}.
     *
     * @throws IllegalStateException naming the adaptation or call that is changing the table; nothing changed then
     */
    void removeStructures(String table);

    /**
     * Checks every row's derived values against Ignite SQL's own evaluation and repairs them if a write path that
     * bypasses Autopilot (the data streamer without {@code allowOverwrite}) left any stale; queries are not rewritten
     * to use the table's derived columns until it is repaired.
     *
     * @return rows found stale
     * @throws IllegalStateException naming the adaptation or call that is changing the table; nothing changed then
     */
    long repairDerivedColumns(String table);

    /** @return the partition layouts as this node sees them: what Autopilot added to each table */
    LayoutSnapshot layouts();
}
