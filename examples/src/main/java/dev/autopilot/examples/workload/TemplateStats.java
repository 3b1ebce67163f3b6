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

package dev.autopilot.examples.workload;

/**
 * What one template did during one phase, over all connections, as the client saw it.
 *
 * @param template template name (or {@code "*"} for the phase total)
 * @param queries executions started, failed ones included
 * @param errors executions that ended in an {@link java.sql.SQLException}
 * @param rows rows read by queries plus rows changed by updates
 * @param meanMicros mean latency of the successful executions, in microseconds
 * @param p95Micros 95th percentile latency of the successful executions, in microseconds (within ~3%)
 * @param maxMicros slowest successful execution, in microseconds
 * @param firstError message of the first error, or null
 */
public record TemplateStats(String template, long queries, long errors, long rows, double meanMicros,
    long p95Micros, long maxMicros, String firstError) {
}
