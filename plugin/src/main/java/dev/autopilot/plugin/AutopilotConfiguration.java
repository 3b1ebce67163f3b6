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
import dev.autopilot.affinity.scaler.StandbyScalerConfiguration;
import dev.autopilot.sql.config.BeanText;
import dev.autopilot.sql.log.QueryLogSettings;
import org.apache.ignite.plugin.PluginConfiguration;

/**
 * Autopilot's settings for one node: plain bean properties, so that Spring XML can set them. Every server node should
 * carry the same values. {@link #validate()} runs when the node starts; a bad value stops the node with a message
 * that names the property and the value.
 */
public class AutopilotConfiguration implements PluginConfiguration {
    private int windowSeconds = 60;
    private long flushIntervalMillis = 1000;
    private int maxTemplates = 2000;
    private int maxStatements = 4096;
    private int queryLogSize = 10_000;
    private int samplesPerTemplateWindow = 20;
    private int retentionMinutes = 24 * 60;
    private int statisticsRefreshSeconds = 60;
    private int statisticsMaxAgeSeconds = 300;
    private int placementAdviceSeconds = 0;
    private int histogramBuckets = 32;
    private int histogramSampleRows = 20_000;
    private List<String> managedTables = new ArrayList<>();
    private boolean parserHook = true;
    private int forecastHorizon = 12;
    private int forecastHistoryWindows = 1440;
    private long forecastTrainingBudgetMillis = 30_000;
    private int fillBatchSize = 100;
    private int adaptationThreads = 2;
    private AdaptationConfiguration adaptation = new AdaptationConfiguration();
    private StandbyScalerConfiguration standbyScaler = new StandbyScalerConfiguration();

    /** @return length of a query-log window, in seconds (default 60) */
    public int getWindowSeconds() {
        return windowSeconds;
    }

    /** @param windowSeconds length of a query-log window, in seconds */
    public AutopilotConfiguration setWindowSeconds(int windowSeconds) {
        this.windowSeconds = windowSeconds;
        return this;
    }

    /** @return how often a node writes its query log to the cluster-wide tables, in ms (default 1000) */
    public long getFlushIntervalMillis() {
        return flushIntervalMillis;
    }

    /** @param flushIntervalMillis how often a node writes its query log to the cluster-wide tables, in ms */
    public AutopilotConfiguration setFlushIntervalMillis(long flushIntervalMillis) {
        this.flushIntervalMillis = flushIntervalMillis;
        return this;
    }

    /** @return distinct templates tracked per node (default 2000) */
    public int getMaxTemplates() {
        return maxTemplates;
    }

    /** @param maxTemplates distinct templates tracked per node */
    public AutopilotConfiguration setMaxTemplates(int maxTemplates) {
        this.maxTemplates = maxTemplates;
        return this;
    }

    /** @return distinct statement texts whose analysis a node remembers (default 4096) */
    public int getMaxStatements() {
        return maxStatements;
    }

    /** @param maxStatements distinct statement texts whose analysis a node remembers */
    public AutopilotConfiguration setMaxStatements(int maxStatements) {
        this.maxStatements = maxStatements;
        return this;
    }

    /** @return sampled executions kept per node, locally and in {@code AUTOPILOT.QUERY_LOG} (default 10000) */
    public int getQueryLogSize() {
        return queryLogSize;
    }

    /** @param queryLogSize sampled executions kept per node */
    public AutopilotConfiguration setQueryLogSize(int queryLogSize) {
        this.queryLogSize = queryLogSize;
        return this;
    }

    /** @return executions sampled per template and window (default 20); all are counted regardless */
    public int getSamplesPerTemplateWindow() {
        return samplesPerTemplateWindow;
    }

    /** @param samplesPerTemplateWindow executions sampled per template and window */
    public AutopilotConfiguration setSamplesPerTemplateWindow(int samplesPerTemplateWindow) {
        this.samplesPerTemplateWindow = samplesPerTemplateWindow;
        return this;
    }

    /** @return how long the cluster-wide query-log rows live, in minutes (default 1440) */
    public int getRetentionMinutes() {
        return retentionMinutes;
    }

    /** @param retentionMinutes how long the cluster-wide query-log rows live, in minutes */
    public AutopilotConfiguration setRetentionMinutes(int retentionMinutes) {
        this.retentionMinutes = retentionMinutes;
        return this;
    }

    /** @return how often table statistics are refreshed, in seconds; 0 for on demand only (default 60) */
    public int getStatisticsRefreshSeconds() {
        return statisticsRefreshSeconds;
    }

    /**
     * @return how often the placement advisor (a cluster singleton, dry run only) decides from the latest window of
     *     {@code AUTOPILOT.PARTITION_LOAD} and records its decision in {@code AUTOPILOT.PLACEMENT_DECISIONS}; 0 for on
     *     demand only ({@code AutopilotPlugin.advisePlacement()})
     */
    public int getPlacementAdviceSeconds() {
        return placementAdviceSeconds;
    }

    /** @param placementAdviceSeconds see {@link #getPlacementAdviceSeconds()} */
    public AutopilotConfiguration setPlacementAdviceSeconds(int placementAdviceSeconds) {
        this.placementAdviceSeconds = placementAdviceSeconds;
        return this;
    }

    /**
     * @return how old a slow table's statistics may be for the adaptation manager to profile it with them, in seconds
     *     (default 300; 0: collected anew for every profile)
     */
    public int getStatisticsMaxAgeSeconds() {
        return statisticsMaxAgeSeconds;
    }

    /** @param statisticsMaxAgeSeconds how old statistics the adaptation manager profiles slow tables with may be */
    public AutopilotConfiguration setStatisticsMaxAgeSeconds(int statisticsMaxAgeSeconds) {
        this.statisticsMaxAgeSeconds = statisticsMaxAgeSeconds;
        return this;
    }

    /** @param statisticsRefreshSeconds how often table statistics are refreshed, in seconds; 0 for on demand only */
    public AutopilotConfiguration setStatisticsRefreshSeconds(int statisticsRefreshSeconds) {
        this.statisticsRefreshSeconds = statisticsRefreshSeconds;
        return this;
    }

    /** @return equi-depth histogram buckets per column (default 32) */
    public int getHistogramBuckets() {
        return histogramBuckets;
    }

    /** @param histogramBuckets equi-depth histogram buckets per column */
    public AutopilotConfiguration setHistogramBuckets(int histogramBuckets) {
        this.histogramBuckets = histogramBuckets;
        return this;
    }

    /** @return rows sampled per table for its statistics (default 20000) */
    public int getHistogramSampleRows() {
        return histogramSampleRows;
    }

    /** @param histogramSampleRows rows sampled per table for its statistics */
    public AutopilotConfiguration setHistogramSampleRows(int histogramSampleRows) {
        this.histogramSampleRows = histogramSampleRows;
        return this;
    }

    /** @return tables Autopilot manages ({@code TABLE} or {@code SCHEMA.TABLE}); empty for every user table */
    public List<String> getManagedTables() {
        return managedTables;
    }

    /** @param managedTables tables Autopilot manages; empty for every user table */
    public AutopilotConfiguration setManagedTables(List<String> managedTables) {
        this.managedTables = managedTables == null ? null : new ArrayList<>(managedTables);
        return this;
    }

    /**
     * @return whether Autopilot hands Ignite's Calcite engine its own parser, which sees each statement text before
     *     planning and rewrites queries to use derived columns (default true). Off, nothing is rewritten, while every
     *     execution is still captured: the query log parses the text Ignite registers.
     */
    public boolean isParserHook() {
        return parserHook;
    }

    /** @param parserHook whether Autopilot hands Ignite's Calcite engine its own parser */
    public AutopilotConfiguration setParserHook(boolean parserHook) {
        this.parserHook = parserHook;
        return this;
    }

    /** @return windows ahead that load forecasts reach (default 12) */
    public int getForecastHorizon() {
        return forecastHorizon;
    }

    /** @param forecastHorizon windows ahead that load forecasts reach */
    public AutopilotConfiguration setForecastHorizon(int forecastHorizon) {
        this.forecastHorizon = forecastHorizon;
        return this;
    }

    /** @return past windows that load forecasts learn from (default 1440: a day of one-minute windows) */
    public int getForecastHistoryWindows() {
        return forecastHistoryWindows;
    }

    /** @param forecastHistoryWindows past windows that load forecasts learn from */
    public AutopilotConfiguration setForecastHistoryWindows(int forecastHistoryWindows) {
        this.forecastHistoryWindows = forecastHistoryWindows;
        return this;
    }

    /**
     * @return rows per batch when existing rows get a new derived column (default 100). A batch holds keys of one
     *     partition, so the primary runs it on one thread of its striped pool, and writes to the partitions of that
     *     stripe wait until the whole batch is done: smaller batches keep that wait short
     */
    public int getFillBatchSize() {
        return fillBatchSize;
    }

    /** @param fillBatchSize rows per batch when existing rows get a new derived column */
    public AutopilotConfiguration setFillBatchSize(int fillBatchSize) {
        this.fillBatchSize = fillBatchSize;
        return this;
    }

    /**
     * @return partitions a fill of existing rows works on at once, and threads each node builds a new index with, up
     *     to the node's {@code buildIndexThreadPoolSize} (default 2)
     */
    public int getAdaptationThreads() {
        return adaptationThreads;
    }

    /**
     * @param adaptationThreads partitions a fill works on at once, and threads per node of an index build (Ignite
     *     caps these at {@code IgniteConfiguration.buildIndexThreadPoolSize}, a quarter of the cores by default)
     */
    public AutopilotConfiguration setAdaptationThreads(int adaptationThreads) {
        this.adaptationThreads = adaptationThreads;
        return this;
    }

    /**
     * @return how long one forecast refresh may spend training, in ms (default 30000); tables reached after that keep
     *     their previous forecasts, or get baseline forecasts if they have none
     */
    public long getForecastTrainingBudgetMillis() {
        return forecastTrainingBudgetMillis;
    }

    /** @param forecastTrainingBudgetMillis how long one forecast refresh may spend training, in ms */
    public AutopilotConfiguration setForecastTrainingBudgetMillis(long forecastTrainingBudgetMillis) {
        this.forecastTrainingBudgetMillis = forecastTrainingBudgetMillis;
        return this;
    }

    /** @return when the adaptation manager adapts a table on its own, and when it takes an adaptation back */
    public AdaptationConfiguration getAdaptation() {
        return adaptation;
    }

    /** @param adaptation when the adaptation manager adapts a table on its own, and takes an adaptation back */
    public AutopilotConfiguration setAdaptation(AdaptationConfiguration adaptation) {
        this.adaptation = adaptation;
        return this;
    }

    /**
     * @return when the standby scaler adds a standby node to the baseline ahead of a predicted spike and removes it
     *     after (off by default)
     */
    public StandbyScalerConfiguration getStandbyScaler() {
        return standbyScaler;
    }

    /** @param standbyScaler when the standby scaler adds a standby node ahead of a predicted spike */
    public AutopilotConfiguration setStandbyScaler(StandbyScalerConfiguration standbyScaler) {
        this.standbyScaler = standbyScaler;
        return this;
    }

    /**
     * Checks every property.
     *
     * @throws IllegalArgumentException naming the first bad property and its value
     */
    public void validate() {
        positive("windowSeconds", windowSeconds);
        positive("flushIntervalMillis", flushIntervalMillis);
        positive("maxTemplates", maxTemplates);
        positive("maxStatements", maxStatements);
        positive("queryLogSize", queryLogSize);
        atLeast("samplesPerTemplateWindow", samplesPerTemplateWindow, 0);
        positive("retentionMinutes", retentionMinutes);
        atLeast("statisticsRefreshSeconds", statisticsRefreshSeconds, 0);
        atLeast("statisticsMaxAgeSeconds", statisticsMaxAgeSeconds, 0);
        atLeast("placementAdviceSeconds", placementAdviceSeconds, 0);
        atLeast("histogramBuckets", histogramBuckets, 2);
        positive("histogramSampleRows", histogramSampleRows);
        positive("forecastHorizon", forecastHorizon);
        atLeast("forecastHistoryWindows", forecastHistoryWindows, 2);
        positive("forecastTrainingBudgetMillis", forecastTrainingBudgetMillis);
        positive("fillBatchSize", fillBatchSize);
        positive("adaptationThreads", adaptationThreads);
        if (managedTables == null)
            throw invalid("managedTables", null, "must be a list, empty for every user table");
        for (String t : managedTables) {
            if (t == null || !t.matches("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?"))
                throw invalid("managedTables", t, "each entry must be TABLE or SCHEMA.TABLE");
        }
        if (adaptation == null)
            throw invalid("adaptation", null, "must be set");
        adaptation.validate();
        if (standbyScaler == null)
            throw invalid("standbyScaler", null, "must be set");
        standbyScaler.validate();
    }

    /** @return the query-log bounds these settings give */
    QueryLogSettings queryLogSettings() {
        return new QueryLogSettings(windowSeconds * 1000L, maxTemplates, queryLogSize, samplesPerTemplateWindow);
    }

    private static void positive(String name, long value) {
        atLeast(name, value, 1);
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min)
            throw invalid(name, value, "must be at least " + min);
    }

    private static IllegalArgumentException invalid(String name, Object value, String rule) {
        return new IllegalArgumentException("Invalid Autopilot configuration: " + name + " = " + value + " (" + rule
            + ")");
    }

    @Override public String toString() {
        return BeanText.of(this);
    }
}
