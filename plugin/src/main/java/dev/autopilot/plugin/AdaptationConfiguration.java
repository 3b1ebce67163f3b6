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

package dev.autopilot.plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * When the Partition Adaptation Manager adapts a table on its own, and when it takes an adaptation back: a plain bean
 * inside {@link AutopilotConfiguration#setAdaptation}, so that Spring XML can set it.
 */
public class AdaptationConfiguration {
    private AdaptationMode mode = AdaptationMode.RECOMMEND;
    private double latencyThresholdMillis = 20;
    private int slowWindows = 2;
    private double minNetGain = 1000;
    private int minIntervalSeconds = 600;
    private int watchWindows = 2;
    private double regressionMargin = 0.25;
    private double fillLatencyRatio = 1.25;
    private double fillNiceRatio = 0.5;
    private List<String> pinnedTables = new ArrayList<>();

    /** @return how far the manager goes on its own (default {@link AdaptationMode#RECOMMEND}) */
    public AdaptationMode getMode() {
        return mode;
    }

    /** @param mode how far the manager goes on its own */
    public AdaptationConfiguration setMode(AdaptationMode mode) {
        this.mode = mode;
        return this;
    }

    /** @return mean query latency of a table above which a query-log window counts as slow, in ms (default 20) */
    public double getLatencyThresholdMillis() {
        return latencyThresholdMillis;
    }

    /**
     * @param latencyThresholdMillis mean read latency (each template weighted by its time) above which a window counts
     *     as slow, in ms
     */
    public AdaptationConfiguration setLatencyThresholdMillis(double latencyThresholdMillis) {
        this.latencyThresholdMillis = latencyThresholdMillis;
        return this;
    }

    /** @return slow windows in a row before a table is adapted (default 2) */
    public int getSlowWindows() {
        return slowWindows;
    }

    /** @param slowWindows slow windows in a row before a table is adapted */
    public AdaptationConfiguration setSlowWindows(int slowWindows) {
        this.slowWindows = slowWindows;
        return this;
    }

    /** @return the least net gain, in table rows read saved per second, a profile must promise (default 1000) */
    public double getMinNetGain() {
        return minNetGain;
    }

    /** @param minNetGain the least net gain, in rows read saved per second, a profile must promise */
    public AdaptationConfiguration setMinNetGain(double minNetGain) {
        this.minNetGain = minNetGain;
        return this;
    }

    /** @return seconds after an adaptation of a table finished before the manager adapts it again (default 600) */
    public int getMinIntervalSeconds() {
        return minIntervalSeconds;
    }

    /** @param minIntervalSeconds seconds after an adaptation of a table before the manager adapts it again */
    public AdaptationConfiguration setMinIntervalSeconds(int minIntervalSeconds) {
        this.minIntervalSeconds = minIntervalSeconds;
        return this;
    }

    /**
     * @return query-log windows compared before an adaptation and after its cut-over, to roll back one that made the
     *     table slower (default 2; 0: adaptations are done at cut-over, never rolled back for latency)
     */
    public int getWatchWindows() {
        return watchWindows;
    }

    /** @param watchWindows query-log windows compared before an adaptation and after its cut-over */
    public AdaptationConfiguration setWatchWindows(int watchWindows) {
        this.watchWindows = watchWindows;
        return this;
    }

    /** @return how much slower after a cut-over rolls an adaptation back (default 0.25: more than 25% slower) */
    public double getRegressionMargin() {
        return regressionMargin;
    }

    /** @param regressionMargin how much slower after a cut-over rolls an adaptation back */
    public AdaptationConfiguration setRegressionMargin(double regressionMargin) {
        this.regressionMargin = regressionMargin;
        return this;
    }

    /**
     * @return how much slower than before a fill the foreground may get (90th percentile of point-read probes) before
     *     the fill slows down (default 1.25; 0: no latency check, only {@link #getFillNiceRatio()})
     */
    public double getFillLatencyRatio() {
        return fillLatencyRatio;
    }

    /** @param fillLatencyRatio how much slower than before a fill the foreground may get */
    public AdaptationConfiguration setFillLatencyRatio(double fillLatencyRatio) {
        this.fillLatencyRatio = fillLatencyRatio;
        return this;
    }

    /**
     * @return the least pause after each fill batch, as a share of the batch's time, as gh-ost's nice ratio (default
     *     0.5: a fill works at most two thirds of the time; 0: no pause while the foreground is within its bound)
     */
    public double getFillNiceRatio() {
        return fillNiceRatio;
    }

    /** @param fillNiceRatio the least pause after each fill batch, as a share of the batch's time */
    public AdaptationConfiguration setFillNiceRatio(double fillNiceRatio) {
        this.fillNiceRatio = fillNiceRatio;
        return this;
    }

    /** @return tables never adapted, {@code SCHEMA.TABLE}; more can be pinned at run time */
    public List<String> getPinnedTables() {
        return pinnedTables;
    }

    /** @param pinnedTables tables never adapted, {@code SCHEMA.TABLE} */
    public AdaptationConfiguration setPinnedTables(List<String> pinnedTables) {
        this.pinnedTables = pinnedTables;
        return this;
    }

    /**
     * Checks every property.
     *
     * @throws IllegalArgumentException naming the first bad property and its value
     */
    void validate() {
        if (mode == null)
            throw invalid("mode", null, "must be AUTO, RECOMMEND or OFF");
        if (!(latencyThresholdMillis > 0))
            throw invalid("latencyThresholdMillis", latencyThresholdMillis, "must be above 0");
        if (slowWindows < 1)
            throw invalid("slowWindows", slowWindows, "must be at least 1");
        if (!(minNetGain >= 0))
            throw invalid("minNetGain", minNetGain, "must be at least 0");
        if (minIntervalSeconds < 0)
            throw invalid("minIntervalSeconds", minIntervalSeconds, "must be at least 0");
        if (watchWindows < 0)
            throw invalid("watchWindows", watchWindows, "must be at least 0");
        if (!(regressionMargin >= 0))
            throw invalid("regressionMargin", regressionMargin, "must be at least 0");
        if (!(fillLatencyRatio == 0 || fillLatencyRatio >= 1))
            throw invalid("fillLatencyRatio", fillLatencyRatio, "must be 0 (off) or at least 1");
        if (!(fillNiceRatio >= 0 && fillNiceRatio <= 32))
            throw invalid("fillNiceRatio", fillNiceRatio, "must be within 0..32");
        if (pinnedTables == null)
            throw invalid("pinnedTables", null, "must be a list");
        for (String t : pinnedTables) {
            if (t == null || !t.matches("[A-Za-z_][A-Za-z0-9_$]*\\.[A-Za-z_][A-Za-z0-9_$]*"))
                throw invalid("pinnedTables", t, "each entry must be SCHEMA.TABLE");
        }
    }

    private static IllegalArgumentException invalid(String name, Object value, String rule) {
        return new IllegalArgumentException("Invalid Autopilot configuration: adaptation." + name + " = " + value
            + " (" + rule + ')');
    }

    @Override public String toString() {
        return BeanText.of(this);
    }
}
