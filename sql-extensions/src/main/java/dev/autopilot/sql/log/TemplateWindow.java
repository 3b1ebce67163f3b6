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

/** The running statistics of one template in one window on this node. */
final class TemplateWindow {
    final long windowStart;
    final String templateId;

    private final LatencyHistogram histogram = new LatencyHistogram();
    private long executions;
    private long failures;
    private long sumMicros;
    private long maxMicros;
    private int sampled;
    private boolean dirty;

    TemplateWindow(long windowStart, String templateId) {
        this.windowStart = windowStart;
        this.templateId = templateId;
    }

    /** @return whether this execution should also be kept as a sampled record */
    synchronized boolean add(long latencyMicros, boolean failed, int samplesAllowed) {
        executions++;
        if (failed)
            failures++;
        sumMicros += latencyMicros;
        maxMicros = Math.max(maxMicros, latencyMicros);
        histogram.add(latencyMicros);
        dirty = true;
        return sampled++ < samplesAllowed;
    }

    /** @return the statistics, and whether they changed since the last call */
    synchronized TemplateWindowStats takeIfDirty(UUID node) {
        if (!dirty)
            return null;
        dirty = false;
        return stats(node);
    }

    synchronized TemplateWindowStats stats(UUID node) {
        return new TemplateWindowStats(windowStart, templateId, node, executions, failures,
            executions == 0 ? 0 : sumMicros / 1000.0 / executions, histogram.quantile(0.95) / 1000.0,
            maxMicros / 1000.0, histogram.counts());
    }
}
