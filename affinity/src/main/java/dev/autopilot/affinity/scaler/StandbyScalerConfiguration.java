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

package dev.autopilot.affinity.scaler;

import java.util.ArrayList;
import java.util.List;
import dev.autopilot.sql.config.BeanText;

/**
 * Settings of the standby scaler ({@code AutopilotConfiguration.standbyScaler}): which caches it sizes the node set
 * for, what one node carries, and how far ahead it looks. Plain bean properties, so that Spring XML can set them;
 * checked when the node starts.
 */
public class StandbyScalerConfiguration {
    private StandbyScalerMode mode = StandbyScalerMode.OFF;
    private List<String> caches = new ArrayList<>();
    private double nodeCapacity;
    private int periodSeconds = 10;
    private int forecastHorizon = 6;
    private int historyWindows = 60;
    private int marginSeconds = 30;
    private int minNodes = 1;
    private int maxNodes = Integer.MAX_VALUE;

    /** @return whether the scaler runs, and whether it changes the baseline (default {@code OFF}) */
    public StandbyScalerMode getMode() {
        return mode;
    }

    /** @param mode whether the scaler runs, and whether it changes the baseline */
    public StandbyScalerConfiguration setMode(StandbyScalerMode mode) {
        this.mode = mode;
        return this;
    }

    /** @return the caches the scaler sizes the node set for; each must use {@code PredictiveAffinityFunction} */
    public List<String> getCaches() {
        return caches;
    }

    /** @param caches the caches the scaler sizes the node set for */
    public StandbyScalerConfiguration setCaches(List<String> caches) {
        this.caches = caches == null ? null : new ArrayList<>(caches);
        return this;
    }

    /**
     * @return the load one node carries in one query-log window, in reads plus writes as counted in
     *     {@code AUTOPILOT.PARTITION_LOAD}; required when the scaler runs
     */
    public double getNodeCapacity() {
        return nodeCapacity;
    }

    /** @param nodeCapacity the load one node carries in one query-log window, in reads plus writes */
    public StandbyScalerConfiguration setNodeCapacity(double nodeCapacity) {
        this.nodeCapacity = nodeCapacity;
        return this;
    }

    /** @return how often the scaler decides, in seconds (default 10) */
    public int getPeriodSeconds() {
        return periodSeconds;
    }

    /** @param periodSeconds how often the scaler decides, in seconds */
    public StandbyScalerConfiguration setPeriodSeconds(int periodSeconds) {
        this.periodSeconds = periodSeconds;
        return this;
    }

    /**
     * @return query-log windows ahead the scaler forecasts; a node leaves only if all of them fit without it
     *     (default 6)
     */
    public int getForecastHorizon() {
        return forecastHorizon;
    }

    /** @param forecastHorizon query-log windows ahead the scaler forecasts */
    public StandbyScalerConfiguration setForecastHorizon(int forecastHorizon) {
        this.forecastHorizon = forecastHorizon;
        return this;
    }

    /** @return past query-log windows of {@code AUTOPILOT.PARTITION_LOAD} the forecast learns from (default 60) */
    public int getHistoryWindows() {
        return historyWindows;
    }

    /** @param historyWindows past query-log windows the forecast learns from */
    public StandbyScalerConfiguration setHistoryWindows(int historyWindows) {
        this.historyWindows = historyWindows;
        return this;
    }

    /** @return how much earlier than the rebalance estimate requires an add starts, in seconds (default 30) */
    public int getMarginSeconds() {
        return marginSeconds;
    }

    /** @param marginSeconds how much earlier than the rebalance estimate requires an add starts, in seconds */
    public StandbyScalerConfiguration setMarginSeconds(int marginSeconds) {
        this.marginSeconds = marginSeconds;
        return this;
    }

    /** @return fewest baseline nodes: the scaler never removes below it (default 1) */
    public int getMinNodes() {
        return minNodes;
    }

    /** @param minNodes fewest baseline nodes */
    public StandbyScalerConfiguration setMinNodes(int minNodes) {
        this.minNodes = minNodes;
        return this;
    }

    /** @return most baseline nodes: the scaler never adds above it (default: no limit but the standby nodes online) */
    public int getMaxNodes() {
        return maxNodes;
    }

    /** @param maxNodes most baseline nodes */
    public StandbyScalerConfiguration setMaxNodes(int maxNodes) {
        this.maxNodes = maxNodes;
        return this;
    }

    /**
     * Checks every property; those the scaler needs only when it runs are checked only then.
     *
     * @throws IllegalArgumentException naming the first bad property and its value
     */
    public void validate() {
        validate(mode);
    }

    /**
     * Checks every property as if the scaler ran in {@code mode}: what a switch of the mode at run time must pass.
     *
     * @throws IllegalArgumentException naming the first bad property and its value
     */
    public void validate(StandbyScalerMode mode) {
        if (mode == null)
            throw invalid("mode", null, "must be OFF, DRY_RUN or APPLY");
        if (mode == StandbyScalerMode.OFF)
            return;
        if (caches == null || caches.isEmpty())
            throw invalid("caches", caches, "must name at least one cache when mode is " + mode);
        for (String c : caches) {
            if (c == null || c.isBlank())
                throw invalid("caches", caches, "each entry must be a cache name");
        }
        if (!(nodeCapacity > 0) || Double.isInfinite(nodeCapacity))
            throw invalid("nodeCapacity", nodeCapacity, "must be above 0 when mode is " + mode);
        if (periodSeconds < 1)
            throw invalid("periodSeconds", periodSeconds, "must be at least 1");
        if (forecastHorizon < 1)
            throw invalid("forecastHorizon", forecastHorizon, "must be at least 1");
        if (historyWindows < 2)
            throw invalid("historyWindows", historyWindows, "must be at least 2");
        if (marginSeconds < 0)
            throw invalid("marginSeconds", marginSeconds, "must be at least 0");
        if (minNodes < 1)
            throw invalid("minNodes", minNodes, "must be at least 1");
        if (maxNodes < minNodes)
            throw invalid("maxNodes", maxNodes, "must be at least minNodes = " + minNodes);
    }

    private static IllegalArgumentException invalid(String name, Object value, String rule) {
        return new IllegalArgumentException("Invalid Autopilot configuration: standbyScaler." + name + " = " + value
            + " (" + rule + ')');
    }

    @Override public String toString() {
        return BeanText.of(this);
    }
}
