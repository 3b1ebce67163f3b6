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

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's view of one finished phase: per-template counts and latencies, and the totals.
 *
 * @param index position of the phase in its workload, from 0
 * @param phase phase name
 * @param elapsed time from the phase's start until its last query finished
 * @param templates statistics per template name, in the order of the phase's mix (every template listed)
 * @param total statistics over all templates
 */
public record PhaseResult(int index, String phase, Duration elapsed, Map<String, TemplateStats> templates,
    TemplateStats total) {
    public PhaseResult {
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    /** Executions started in the phase. */
    public long queries() {
        return total.queries();
    }

    /** Executions that failed. */
    public long errors() {
        return total.errors();
    }

    /** Executions per second. */
    public double throughputPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;

        return seconds > 0 ? total.queries() / seconds : 0;
    }

    /** Statistics of the template called {@code name}. */
    public TemplateStats template(String name) {
        TemplateStats stats = templates.get(name);

        if (stats == null)
            throw new IllegalArgumentException("template " + name + " is not in phase " + phase + ": " + templates.keySet());

        return stats;
    }

    /** A few lines for a console: the totals, then one line per template. */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format(
            "phase %d '%s': %d queries, %d errors, %.0f q/s, mean %.0f us, p95 %d us, in %d ms%n",
            index + 1, phase, queries(), errors(), throughputPerSecond(), total.meanMicros(), total.p95Micros(),
            elapsed.toMillis()));

        for (TemplateStats t : templates.values()) {
            out.append(String.format("  %-28s %7d queries %5d errors %9d rows  mean %8.0f us  p95 %8d us%n",
                t.template(), t.queries(), t.errors(), t.rows(), t.meanMicros(), t.p95Micros()));
        }

        return out.toString();
    }
}
