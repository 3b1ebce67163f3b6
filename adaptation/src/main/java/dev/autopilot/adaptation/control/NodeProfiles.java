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

import java.util.Collection;
import java.util.List;
import dev.autopilot.adaptation.SchemaProfiles;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.log.QueryLogView;
import dev.autopilot.sql.stats.ManagedTable;
import dev.autopilot.sql.stats.StatisticsCollector;
import dev.autopilot.sql.stats.TableStatistics;

/** The {@link ProfileControl} of one node, and the adaptation manager's narrower refresh. */
public final class NodeProfiles implements ProfileControl {
    private final StatisticsCollector statistics;
    private final SchemaProfiles profiles;
    private final QueryLogView queryLog;
    private final long statisticsMaxAgeMillis;

    /** @param statisticsMaxAgeMillis how old statistics the manager's refresh may profile slow tables with */
    public NodeProfiles(StatisticsCollector statistics, SchemaProfiles profiles, QueryLogView queryLog,
        long statisticsMaxAgeMillis) {
        this.statistics = statistics;
        this.profiles = profiles;
        this.queryLog = queryLog;
        this.statisticsMaxAgeMillis = statisticsMaxAgeMillis;
    }

    @Override public List<TableStatistics> refreshStatistics() {
        return statistics.refresh();
    }

    @Override public List<SchemaProfile> refreshProfiles() {
        return refreshProfiles(queryLog.currentWindow() - queryLog.windowMillis());
    }

    @Override public List<SchemaProfile> refreshProfiles(long windowStart) {
        List<ManagedTable> tables = statistics.managedTables();
        List<TableStatistics> stats = statistics.collect(tables);
        statistics.write(stats);
        return profiles.refresh(windowStart, queryLog.windowMillis(), tables, stats);
    }

    /**
     * The manager's refresh: profiles of the tables it found slow only, with statistics collected anew only when older
     * than {@code statisticsMaxAgeMillis}, since collecting them reads the whole table: it was most of the time from a
     * slow window to an adaptation, and a full scan every window while an adaptation of the table fills.
     *
     * @param tableNames {@code SCHEMA.TABLE} names
     */
    public List<SchemaProfile> refreshProfiles(long windowStart, Collection<String> tableNames) {
        List<ManagedTable> tables = statistics.managedTables().stream()
            .filter(t -> tableNames.contains(t.qualifiedName())).toList();
        return profiles.refresh(windowStart, queryLog.windowMillis(), tables,
            statistics.recent(tables, statisticsMaxAgeMillis));
    }

    @Override public List<SchemaProfile> dryRunProfiles(long windowStart) {
        List<ManagedTable> tables = statistics.managedTables();
        return profiles.dryRun(windowStart, queryLog.windowMillis(), tables, statistics.collect(tables));
    }
}
