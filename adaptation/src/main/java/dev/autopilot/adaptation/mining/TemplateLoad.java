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
import dev.autopilot.sql.analysis.StatementShape;
import dev.autopilot.sql.log.Template;
import dev.autopilot.sql.log.TemplateWindowStats;

/**
 * How much of a workload one statement template was in the window a profile is computed for.
 *
 * @param templateId the query log's template id, to name it in the profile's reasons
 * @param shape the template's shape, table names qualified by the schema ({@link Template#shape()})
 * @param executions executions in the window, cluster-wide
 * @param meanLatencyMillis mean latency over those executions
 */
public record TemplateLoad(String templateId, StatementShape shape, long executions, double meanLatencyMillis) {
    /** @return the load of {@code template} from the window statistics of every node */
    public static TemplateLoad of(Template template, List<TemplateWindowStats> stats) {
        long executions = 0;
        double latency = 0;
        for (TemplateWindowStats s : stats) {
            if (s.templateId().equals(template.id())) {
                executions += s.executions();
                latency += s.meanLatencyMillis() * s.executions();
            }
        }
        return new TemplateLoad(template.id(), template.shape(), executions, executions == 0 ? 0 : latency / executions);
    }
}
