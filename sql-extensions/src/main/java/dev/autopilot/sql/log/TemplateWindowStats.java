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

package dev.autopilot.sql.log;

import java.util.UUID;

/**
 * What one node saw of one template in one window.
 *
 * @param windowStart start of the window, epoch millis
 * @param templateId the template
 * @param node the node
 * @param executions executions finished in the window
 * @param failures of which failed
 * @param meanLatencyMillis mean latency
 * @param p95LatencyMillis 95th percentile latency, at histogram resolution
 * @param maxLatencyMillis largest latency
 * @param latencyHistogram bucket counts, to merge windows of several nodes exactly
 */
public record TemplateWindowStats(long windowStart, String templateId, UUID node, long executions, long failures,
    double meanLatencyMillis, double p95LatencyMillis, double maxLatencyMillis, long[] latencyHistogram) {
}
