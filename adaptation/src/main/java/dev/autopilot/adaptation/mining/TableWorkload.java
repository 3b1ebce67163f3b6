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

package dev.autopilot.adaptation.mining;

import java.util.List;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.stats.TableStatistics;

/**
 * Everything the profile generator sees of one partition (a managed table): its schema and existing indexes, its
 * statistics, the templates that touched it in the window and how often it is written.
 *
 * @param schema columns, types, primary key and indexes
 * @param statistics rows, size and per-column value distribution
 * @param templates the templates that read or wrote it, with their load
 * @param writesPerSecond row writes per second (each one updates every index and derived column)
 * @param autopilot what Autopilot built on it before; {@code schema}'s indexes are the user's only
 */
public record TableWorkload(TableSchema schema, TableStatistics statistics, List<TemplateLoad> templates,
    double writesPerSecond, AutopilotStructures autopilot) {
    public TableWorkload {
        templates = List.copyOf(templates);
    }

    /**
     * @param windowSeconds length of the window the statistics' access counts cover
     * @return the workload of a table, its write rate taken from the statistics (DML statements per second)
     */
    public static TableWorkload of(TableSchema schema, TableStatistics statistics, List<TemplateLoad> templates,
        double windowSeconds, AutopilotStructures autopilot) {
        return new TableWorkload(schema, statistics, templates, statistics.writes() / Math.max(1, windowSeconds),
            autopilot);
    }
}
