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

package dev.autopilot.examples.bench;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import dev.autopilot.examples.workload.LatencyHistogram;

/**
 * What the clients of one run measured, kept two ways: a latency histogram per phase and template (for
 * percentiles), and executions and latency per template and second of the run (for the latency over time and for
 * figures over any stretch of a phase, such as "after the structures were in use"). Thread-safe.
 */
final class DriftRecorder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int seconds;
    private final int phases;
    private final Map<String, AtomicLongArray> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLongArray> nanos = new ConcurrentHashMap<>();
    private final Map<String, AtomicLongArray> errors = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram[]> histograms = new ConcurrentHashMap<>();
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();

    /**
     * @param seconds length of the run
     * @param phases phases in it
     */
    DriftRecorder(int seconds, int phases) {
        this.seconds = seconds;
        this.phases = phases;
    }

    /**
     * Records one execution.
     *
     * @param template template name
     * @param phase the phase it started in
     * @param second the second of the run it started in
     * @param latencyNanos client latency
     */
    void success(String template, int phase, int second, long latencyNanos) {
        int s = Math.min(second, seconds - 1);
        series(counts, template).incrementAndGet(s);
        series(nanos, template).addAndGet(s, latencyNanos);
        LatencyHistogram h = histograms.computeIfAbsent(template, t -> newHistograms())[phase];
        synchronized (h) {
            h.record(latencyNanos);
        }
    }

    /** Records one failed execution, and the first error message of each template. */
    void failure(String template, int second, String message) {
        series(errors, template).incrementAndGet(Math.min(second, seconds - 1));
        firstErrors.putIfAbsent(template, String.valueOf(message));
    }

    /** @return the first error message of each template that failed */
    Map<String, String> firstErrors() {
        return Map.copyOf(firstErrors);
    }

    /** @return the figures of {@code template} over seconds {@code [from, to)} of the run */
    Window window(String template, int from, int to) {
        AtomicLongArray c = counts.get(template);
        AtomicLongArray n = nanos.get(template);
        AtomicLongArray e = errors.get(template);
        long executions = 0;
        long sum = 0;
        long failed = 0;
        for (int s = Math.max(0, from); s < Math.min(to, seconds); s++) {
            executions += c == null ? 0 : c.get(s);
            sum += n == null ? 0 : n.get(s);
            failed += e == null ? 0 : e.get(s);
        }
        return new Window(to - from, executions, sum, failed);
    }

    /** @return the histogram of {@code template} in {@code phase} (empty if it never ran there) */
    LatencyHistogram histogram(String template, int phase) {
        LatencyHistogram[] h = histograms.get(template);
        if (h == null)
            return new LatencyHistogram();
        synchronized (h[phase]) {
            LatencyHistogram copy = new LatencyHistogram();
            copy.add(h[phase]);
            return copy;
        }
    }

    int seconds() {
        return seconds;
    }

    int phases() {
        return phases;
    }

    private LatencyHistogram[] newHistograms() {
        LatencyHistogram[] h = new LatencyHistogram[phases];
        for (int i = 0; i < phases; i++)
            h[i] = new LatencyHistogram();
        return h;
    }

    private AtomicLongArray series(Map<String, AtomicLongArray> all, String template) {
        return all.computeIfAbsent(template, t -> new AtomicLongArray(seconds));
    }

    /**
     * Executions of a template over a stretch of the run.
     *
     * @param seconds length of the stretch
     * @param executions successful executions started in it
     * @param latencyNanos their latencies summed
     * @param errors failed executions started in it
     */
    record Window(int seconds, long executions, long latencyNanos, long errors) {
        /** @return successful executions per second */
        double perSecond() {
            return seconds <= 0 ? 0 : executions / (double)seconds;
        }

        /** @return mean latency in ms, {@code NaN} when nothing ran */
        double meanMillis() {
            return executions == 0 ? Double.NaN : latencyNanos / 1e6 / executions;
        }

        /** @return this and {@code other} together, over the same seconds */
        Window plus(Window other) {
            return new Window(Math.max(seconds, other.seconds), executions + other.executions,
                latencyNanos + other.latencyNanos, errors + other.errors);
        }
    }
}
