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

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counters of one phase kept by one driver thread without locking; the driver adds them up when the phase ends. */
final class PhaseTally {
    private final Map<String, Counters> byTemplate = new HashMap<>();

    void success(String template, long nanos, long rows) {
        Counters c = counters(template);

        c.queries++;
        c.rows += rows;
        c.latency.record(nanos);
    }

    void failure(String template, SQLException error) {
        Counters c = counters(template);

        c.queries++;
        c.errors++;

        if (c.firstError == null)
            c.firstError = error.getMessage();
    }

    void add(PhaseTally other) {
        other.byTemplate.forEach((template, theirs) -> {
            Counters ours = counters(template);

            ours.queries += theirs.queries;
            ours.errors += theirs.errors;
            ours.rows += theirs.rows;
            ours.latency.add(theirs.latency);

            if (ours.firstError == null)
                ours.firstError = theirs.firstError;
        });
    }

    PhaseResult toResult(int index, WorkloadPhase phase, Duration elapsed) {
        Map<String, TemplateStats> templates = new LinkedHashMap<>();
        Counters total = new Counters();

        for (QueryTemplate template : phase.mix().keySet()) {
            Counters c = byTemplate.getOrDefault(template.name(), new Counters());

            templates.put(template.name(), c.stats(template.name()));

            total.queries += c.queries;
            total.errors += c.errors;
            total.rows += c.rows;
            total.latency.add(c.latency);

            if (total.firstError == null)
                total.firstError = c.firstError;
        }

        return new PhaseResult(index, phase.name(), elapsed, templates, total.stats("*"));
    }

    private Counters counters(String template) {
        return byTemplate.computeIfAbsent(template, t -> new Counters());
    }

    private static final class Counters {
        private final LatencyHistogram latency = new LatencyHistogram();

        private long queries;

        private long errors;

        private long rows;

        private String firstError;

        TemplateStats stats(String template) {
            return new TemplateStats(template, queries, errors, rows, latency.meanMicros(),
                latency.percentileMicros(0.95), latency.maxMicros(), firstError);
        }
    }
}
