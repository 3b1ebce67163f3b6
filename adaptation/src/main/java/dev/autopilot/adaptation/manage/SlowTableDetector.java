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

package dev.autopilot.adaptation.manage;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Tells when a table has been slow long enough to adapt, without flapping: a window counts as slow when the table's
 * queries took longer than the threshold on average ({@link #readLatency}), and the table is slow after
 * {@code windows} slow windows in a row. Hysteresis: only a window clearly fast (below {@code release} times the
 * threshold) breaks a streak, so a latency hovering around the threshold neither triggers nor resets on every window.
 * Windows in which the table was not read change nothing.
 */
public final class SlowTableDetector {
    private final DoubleSupplier thresholdMs;
    private final int windows;
    private final double release;
    private final Map<String, Integer> streaks = new HashMap<>();

    /**
     * @param thresholdMs mean query latency above which a window is slow
     * @param windows slow windows in a row that make a table slow
     * @param release fraction of the threshold below which a window ends a streak
     */
    public SlowTableDetector(double thresholdMs, int windows, double release) {
        this(() -> thresholdMs, windows, release);
    }

    /**
     * @param thresholdMs mean query latency above which a window is slow, read at each window: an operator may change
     *     it while the cluster runs
     * @param windows slow windows in a row that make a table slow
     * @param release fraction of the threshold below which a window ends a streak
     */
    public SlowTableDetector(DoubleSupplier thresholdMs, int windows, double release) {
        this.thresholdMs = thresholdMs;
        this.windows = windows;
        this.release = release;
    }

    /**
     * Records one window of {@code table}.
     *
     * @param meanMs the table's mean query latency in it, {@code NaN} when it was not read
     * @return whether the table is slow now
     */
    public boolean observe(String table, double meanMs) {
        int streak = streaks.getOrDefault(table, 0);
        double threshold = thresholdMs.getAsDouble();
        if (meanMs > threshold)
            streak++;
        else if (meanMs < threshold * release)
            streak = 0;
        streaks.put(table, streak);
        return streak >= windows;
    }

    /** Starts {@code table}'s count again, after it was adapted. */
    public void reset(String table) {
        streaks.remove(table);
    }

    /**
     * The latency a table's readers spend their time at: the mean latency of its read templates, each weighted by the
     * time it took (executions times mean latency), not by its executions. Many fast executions would otherwise hide a
     * slow template: in a drift benchmark run, 3 ms queries on an adapted expression kept the per-execution mean near a
     * 20 ms threshold while a 36 ms template held most of the readers' time, and the table was never adapted for it.
     *
     * @return the time-weighted mean latency in ms, {@code NaN} when no read ran
     */
    public static double readLatency(Map<String, TemplateLatency> templates) {
        long executions = 0;
        double time = 0;
        double weighted = 0;
        for (TemplateLatency t : templates.values()) {
            if (t.read()) {
                executions += t.executions();
                time += t.executions() * t.meanMs();
                weighted += t.executions() * t.meanMs() * t.meanMs();
            }
        }
        return executions == 0 ? Double.NaN : time == 0 ? 0 : weighted / time;
    }
}
