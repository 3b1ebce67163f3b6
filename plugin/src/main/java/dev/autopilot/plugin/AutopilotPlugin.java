package dev.autopilot.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import dev.autopilot.adaptation.SchemaProfiles;
import dev.autopilot.adaptation.mining.GeneratorSettings;
import dev.autopilot.adaptation.mining.ProfileGenerator;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.forecast.ForecastRow;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.capture.QueryCapture;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.internal.QueryFinishTap;
import dev.autopilot.sql.log.QueryLog;
import dev.autopilot.sql.log.QueryLogPublisher;
import dev.autopilot.sql.stats.ManagedTable;
import dev.autopilot.sql.stats.StatisticsCollector;
import dev.autopilot.sql.stats.TableStatistics;
import dev.autopilot.sql.tables.AutopilotTables;
import dev.autopilot.sql.tables.SystemTable;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.metric.MetricRegistry;
import org.apache.ignite.plugin.IgnitePlugin;

/**
 * Autopilot on one node, and its Java API ({@code ignite.plugin("autopilot")}): the query log this node keeps, and
 * the statistics of the tables it manages. Started by {@link AutopilotPluginProvider}.
 */
public final class AutopilotPlugin implements IgnitePlugin {
    /** The name under which Ignite knows the plugin. */
    public static final String NAME = "autopilot";

    private final AutopilotConfiguration cfg;
    private final QueryLog queryLog;
    private final QueryCapture capture;

    private Ignite ignite;
    private IgniteLogger log;
    private QueryFinishTap tap;
    private QueryLogPublisher publisher;
    private StatisticsCollector statistics;
    private TableLoadForecasts forecasts;
    private SchemaProfiles profiles;
    private ScheduledExecutorService scheduler;

    AutopilotPlugin(AutopilotConfiguration cfg, QueryLog queryLog) {
        this.cfg = cfg;
        this.queryLog = queryLog;
        this.capture = new QueryCapture(new StatementAnalyzer(), CalciteHook.registeredTextParser(), queryLog,
            cfg.getMaxStatements());
    }

    /** @return the plugin of a started node */
    public static AutopilotPlugin of(Ignite ignite) {
        return ignite.plugin(NAME);
    }

    /** @return this node's query log */
    public QueryLog queryLog() {
        return queryLog;
    }

    /** Writes this node's query log to the {@code AUTOPILOT} tables now rather than at the next flush. */
    public void flushQueryLog() {
        publisher.flush();
    }

    /** @return the tables Autopilot manages, with fresh statistics, also written to the {@code AUTOPILOT} tables */
    public List<TableStatistics> refreshStatistics() {
        return statistics.refresh();
    }

    /**
     * Refreshes the statistics, then generates every managed table's schema profile from the last complete window of
     * the cluster-wide query log, and stores it in {@code AUTOPILOT.SCHEMA_PROFILES}.
     *
     * @return the profiles
     */
    public List<SchemaProfile> refreshProfiles() {
        return refreshProfiles(queryLog.currentWindow() - queryLog.windowMillis());
    }

    /** @return the profiles learned from the window that starts at {@code windowStart} (see {@link #refreshProfiles()}) */
    public List<SchemaProfile> refreshProfiles(long windowStart) {
        List<ManagedTable> tables = statistics.managedTables();
        List<TableStatistics> stats = statistics.collect(tables);
        statistics.write(stats);
        return profiles.refresh(windowStart, queryLog.windowMillis(), tables, stats);
    }

    /**
     * Answers "what would you do?" for any window still in the cluster-wide query log: the profiles Autopilot would
     * propose from it, with table statistics computed now; neither is stored.
     *
     * @param windowStart start of the recorded window
     * @return the profiles
     */
    public List<SchemaProfile> dryRunProfiles(long windowStart) {
        List<ManagedTable> tables = statistics.managedTables();
        return profiles.dryRun(windowStart, queryLog.windowMillis(), tables, statistics.collect(tables));
    }

    /**
     * Retrains the load forecast of every table from its statements per window in {@code AUTOPILOT.TABLE_ACCESS} and
     * writes the forecasts to {@code AUTOPILOT.LOAD_FORECASTS}.
     *
     * @return the forecasts, by table
     */
    public Map<String, List<ForecastRow>> refreshForecasts() {
        return forecasts.refresh();
    }

    /** @return the configuration this node runs with */
    public AutopilotConfiguration configuration() {
        return cfg;
    }

    QueryCapture capture() {
        return capture;
    }

    @SuppressWarnings("rawtypes")
    void start(Ignite ignite, IgniteLogger log) {
        this.ignite = ignite;
        this.log = log;

        if (!ignite.cluster().localNode().isClient()) {
            long retention = TimeUnit.MINUTES.toMillis(cfg.getRetentionMinutes());
            List<CacheConfiguration> tables = new ArrayList<>();
            AutopilotTables.ALL.forEach(t -> tables.add(t.cacheConfiguration(retention)));
            ignite.getOrCreateCaches(tables);
        }

        publisher = new QueryLogPublisher(ignite, queryLog, cfg.getQueryLogSize());
        statistics = new StatisticsCollector(ignite, cfg.getManagedTables(), cfg.getHistogramBuckets(),
            cfg.getHistogramSampleRows(), () -> queryLog.currentWindow() - queryLog.windowMillis());
        profiles = new SchemaProfiles(ignite, new ProfileGenerator(GeneratorSettings.DEFAULTS),
            CalciteHook.plainParser());
        forecasts = new TableLoadForecasts(ignite, queryLog.windowMillis(), cfg.getForecastHistoryWindows(),
            ForecastSettings.builder().horizon(cfg.getForecastHorizon()).build(), cfg.getForecastTrainingBudgetMillis(),
            System::currentTimeMillis);
        tap = QueryFinishTap.install(ignite, capture);
        registerMetrics(ignite.metrics().getOrCreate(NAME));

        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "autopilot-publisher-" + ignite.name());
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::flushQuietly, cfg.getFlushIntervalMillis(),
            cfg.getFlushIntervalMillis(), TimeUnit.MILLISECONDS);

        if (cfg.getStatisticsRefreshSeconds() > 0 && !ignite.cluster().localNode().isClient()) {
            ignite.services(ignite.cluster().forServers()).deployClusterSingletonAsync(StatisticsRefreshService.NAME,
                new StatisticsRefreshService(TimeUnit.SECONDS.toMillis(cfg.getStatisticsRefreshSeconds())));
        }

        log.info("Autopilot started: " + cfg + ", tables in schema " + SystemTable.SCHEMA);
    }

    void stop() {
        if (tap != null)
            tap.close();
        if (scheduler != null)
            scheduler.shutdownNow();
    }

    private void flushQuietly() {
        try {
            publisher.flush();
        }
        catch (RuntimeException e) {
            // The node may be stopping or a table not yet ready; the next flush writes what this one could not.
            if (log.isDebugEnabled())
                log.debug("Autopilot query log flush failed: " + e);
        }
    }

    private void registerMetrics(MetricRegistry reg) {
        reg.register("ExecutionsCaptured", queryLog::executions, "SQL executions counted in the query log.");
        reg.register("ExecutionsWithoutTemplate", queryLog::droppedTemplates,
            "Executions not attributed to a template because maxTemplates was reached.");
        reg.register("TemplatesTracked", () -> (long)queryLog.templates().size(), "Templates this node tracks.");
        reg.register("AnalysisFailures", capture::analysisFailures, "Statements the analyzer could not read.");
        reg.register("ExecutionsSkippedInternal", capture::internalSkipped,
            "Executions on Ignite's or Autopilot's own tables, not counted as workload.");
    }
}
