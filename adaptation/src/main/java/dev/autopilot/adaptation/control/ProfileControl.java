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
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.stats.TableStatistics;

/**
 * The statistics of the tables Autopilot manages and the schema profiles it learns for them from the cluster-wide
 * query log, on demand (a cluster singleton also refreshes them every {@code statisticsRefreshSeconds}).
 */
public interface ProfileControl {
    /** @return the tables Autopilot manages, with fresh statistics, also written to the {@code AUTOPILOT} tables */
    List<TableStatistics> refreshStatistics();

    /**
     * Refreshes the statistics, then generates every managed table's schema profile from the last complete window of
     * the cluster-wide query log, and stores it in {@code AUTOPILOT.SCHEMA_PROFILES}.
     *
     * @return the profiles
     */
    List<SchemaProfile> refreshProfiles();

    /** @return the profiles learned from the window that starts at {@code windowStart} (see {@link #refreshProfiles()}) */
    List<SchemaProfile> refreshProfiles(long windowStart);

    /**
     * Answers "what would you do?" for any window still in the cluster-wide query log: the profiles Autopilot would
     * propose from it, with table statistics computed now; neither is stored.
     *
     * @param windowStart start of the recorded window
     * @return the profiles
     */
    List<SchemaProfile> dryRunProfiles(long windowStart);
}
