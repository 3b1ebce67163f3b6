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
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import dev.autopilot.adaptation.SchemaProfiles;
import dev.autopilot.adaptation.apply.FillSettings;
import dev.autopilot.adaptation.apply.LayoutApplier;
import dev.autopilot.adaptation.apply.LayoutDrain;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.control.NodeAdaptations;
import dev.autopilot.adaptation.control.NodeProfiles;
import dev.autopilot.adaptation.control.TableDdlFollower;
import dev.autopilot.adaptation.derive.LayoutDerivations;
import dev.autopilot.adaptation.internal.IgniteLiveTables;
import dev.autopilot.adaptation.internal.SchemaEvents;
import dev.autopilot.adaptation.layout.LayoutPublisher;
import dev.autopilot.adaptation.layout.LayoutStore;
import dev.autopilot.adaptation.manage.AdaptationRecords;
import dev.autopilot.adaptation.manage.AdaptationRunner;
import dev.autopilot.adaptation.manage.LatencyWatch;
import dev.autopilot.adaptation.manage.QueryLogLatencies;
import dev.autopilot.adaptation.manage.Sleeper;
import dev.autopilot.adaptation.manage.TableLatencies;
import dev.autopilot.adaptation.manage.TableOwners;
import dev.autopilot.adaptation.mining.GeneratorSettings;
import dev.autopilot.adaptation.mining.ProfileGenerator;
import dev.autopilot.affinity.control.NodePlacement;
import dev.autopilot.affinity.load.PartitionLoadPublisher;
import dev.autopilot.affinity.load.TableLoadForecasts;
import dev.autopilot.affinity.scaler.StandbyScalerMode;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.background.BackgroundSql;
import dev.autopilot.sql.background.StartedServers;
import dev.autopilot.sql.capture.QueryCapture;
import dev.autopilot.sql.derived.DerivedValueFunction;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.internal.ColumnCatalogs;
import dev.autopilot.sql.internal.DerivedValueCompiler;
import dev.autopilot.sql.internal.IgniteTableCatalog;
import dev.autopilot.sql.internal.NodeStateView;
import dev.autopilot.sql.internal.PlanCacheSweeps;
import dev.autopilot.sql.internal.QueryFinishTap;
import dev.autopilot.sql.internal.TopologyExchange;
import dev.autopilot.sql.layout.HiddenColumns;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.log.QueryLog;
import dev.autopilot.sql.log.QueryLogPublisher;
import dev.autopilot.sql.rewrite.RewritePublisher;
import dev.autopilot.sql.rewrite.RewritingControl;
import dev.autopilot.sql.rewrite.RewritingHook;
import dev.autopilot.sql.stats.StatisticsCollector;
import dev.autopilot.sql.tables.AutopilotTables;
import dev.autopilot.sql.tables.SystemTable;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.metric.MetricRegistry;
import org.apache.ignite.services.Service;

/**
 * Autopilot's parts on one node, and their lifecycle: created while the node starts, started once it is up
 * ({@link #start}), stopped while it can still serve ({@link #stop}). Every part lives in its module; this class only
 * creates them, schedules their background work, deploys the cluster singletons and registers the metrics.
 */
final class AutopilotNode implements RewritingControl {
    /** How long a stopping node waits for Autopilot's background SQL to end. */
    private static final long BACKGROUND_STOP_MILLIS = 30_000;

    /** How often the adaptation manager looks for new requests. */
    private static final long ADAPTATION_POLL_MILLIS = 200;

    private final AutopilotConfiguration cfg;
    private final RuntimeSettings settings;
    private final QueryLog queryLog;
    private final QueryCapture capture;
    private final LayoutDerivations derivations;
    private final RewritingHook hook;
    private final PlanCacheSweeps sweeps = new PlanCacheSweeps();

    private Ignite ignite;
    private IgniteLogger log;
    private GridKernalContext kernal;
    private LayoutStore layouts;
    private ScheduledExecutorService scheduler;
    private QueryFinishTap tap;
    private QueryLogPublisher publisher;
    private RewritePublisher rewrites;
    private LayoutPublisher layoutPublisher;
    private PartitionLoadPublisher partitionLoad;
    private NodeProfiles profiles;
    private NodeAdaptations adaptations;
    private NodePlacement placement;
    private LayoutSteps adaptationSteps;
    private AdaptationRecords records;
    private TableOwners owners;
    private LocalPlanDrain localPlanDrain;
    private BackgroundSql background = new BackgroundSql(null);

    AutopilotNode(AutopilotConfiguration cfg, RuntimeSettings settings, QueryLog queryLog, Ignite node) {
        this.cfg = cfg;
        this.settings = settings;
        this.queryLog = queryLog;
        this.derivations = new LayoutDerivations(node,
            (schema, table, expression) -> DerivedValueCompiler.compile(node, schema, table, expression));
        this.capture = new QueryCapture(new StatementAnalyzer(), CalciteHook.registeredTextParser(), queryLog,
            cfg.getMaxStatements());
        Supplier<LayoutSnapshot> snapshots = () -> layouts == null ? LayoutSnapshot.EMPTY : layouts.snapshot();
        this.hook = new RewritingHook(capture, snapshots, new IgniteTableCatalog(() -> kernal, snapshots));
    }

    /** Follows the cluster's partition layouts from the moment the node's metastorage can be read. */
    void followLayouts(GridKernalContext kernal) {
        this.kernal = kernal;
        layouts = LayoutStore.register(kernal, new IgniteLiveTables(kernal), snapshot -> {
            derivations.onSnapshot(snapshot);
            sweeps.afterChange(kernal, scheduler);
            if (scheduler != null && !scheduler.isShutdown()) {
                scheduler.execute(() -> quietly(derivations::compileAll, "compile the derived columns"));
                scheduler.execute(() -> quietly(layoutPublisher::publish, "write AUTOPILOT.PARTITION_LAYOUTS"));
            }
        });
        SchemaEvents.register(kernal, new TableDdlFollower(layouts, () -> adaptationSteps, () -> adaptations.requests(),
            this::onServerInBackground, System::currentTimeMillis));
    }

    @SuppressWarnings("rawtypes")
    void start(Ignite ignite, IgniteLogger log) {
        this.ignite = ignite;
        this.log = log;
        boolean server = !ignite.cluster().localNode().isClient();
        if (server) {
            long retention = TimeUnit.MINUTES.toMillis(cfg.getRetentionMinutes());
            List<CacheConfiguration> tables = new ArrayList<>();
            AutopilotTables.ALL.forEach(t -> tables.add(t.cacheConfiguration(retention)));
            ignite.getOrCreateCaches(tables);
        }

        publisher = new QueryLogPublisher(ignite, queryLog, cfg.getQueryLogSize());
        rewrites = new RewritePublisher(ignite, hook);
        layoutPublisher = new LayoutPublisher(ignite, layouts, System::currentTimeMillis);
        StatisticsCollector statistics = new StatisticsCollector(ignite, cfg.getManagedTables(),
            cfg.getHistogramBuckets(), cfg.getHistogramSampleRows(),
            () -> queryLog.currentWindow() - queryLog.windowMillis());
        profiles = new NodeProfiles(statistics, new SchemaProfiles(ignite, new ProfileGenerator(GeneratorSettings.DEFAULTS),
            CalciteHook.plainParser(), layouts::layout), queryLog, cfg.getStatisticsMaxAgeSeconds() * 1000L);
        localPlanDrain = new LocalPlanDrain(kernal, layouts::snapshot, System::currentTimeMillis, log);
        PlanDrain drain = new PlanDrain(ignite, PlanDrain.TIMEOUT_MILLIS);
        LayoutApplier applier = new LayoutApplier(ignite, layouts, this::compile, AutopilotPlugin.NAME,
            FillSettings.unthrottled(cfg.getFillBatchSize(), cfg.getAdaptationThreads()), drain);
        adaptationSteps = adaptationSteps(drain);
        records = new AdaptationRecords(ignite);
        owners = new TableOwners(ignite, records, System::currentTimeMillis);
        adaptations = new NodeAdaptations(ignite, log, layouts, applier, adaptationSteps, records, owners,
            statistics::managedTables, cfg.getAdaptation().getPinnedTables(), System::currentTimeMillis);
        partitionLoad = new PartitionLoadPublisher(ignite, System::currentTimeMillis, queryLog.currentWindow());
        placement = new NodePlacement(ignite, partitionLoad, new TableLoadForecasts(ignite, queryLog.windowMillis(),
            cfg.getForecastHistoryWindows(), ForecastSettings.builder().horizon(cfg.getForecastHorizon()).build(),
            cfg.getForecastTrainingBudgetMillis(), System::currentTimeMillis));
        tap = QueryFinishTap.install(ignite, capture);
        hideDerivedColumns();
        registerMetrics(ignite.metrics().getOrCreate(AutopilotPlugin.NAME));
        NodeStateView.register(kernal, this::nodeState);

        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "autopilot-publisher-" + ignite.name());
            t.setDaemon(true);
            return t;
        });
        scheduler.execute(() -> quietly(derivations::compileAll, "compile the derived columns"));
        long window = queryLog.windowMillis();
        scheduler.scheduleAtFixedRate(() -> quietly(partitionLoad::publish, "write AUTOPILOT.PARTITION_LOAD"),
            queryLog.currentWindow() + window - System.currentTimeMillis(), window, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::flushQuietly, cfg.getFlushIntervalMillis(),
            cfg.getFlushIntervalMillis(), TimeUnit.MILLISECONDS);

        if (server) {
            background = new BackgroundSql(StartedServers.announce(ignite, System::currentTimeMillis,
                TopologyExchange.finished(kernal), log));
            if (cfg.getStatisticsRefreshSeconds() > 0) {
                deploy(StatisticsRefreshService.NAME,
                    new StatisticsRefreshService(TimeUnit.SECONDS.toMillis(cfg.getStatisticsRefreshSeconds())));
            }
            if (cfg.getPlacementAdviceSeconds() > 0) {
                deploy(PlacementAdviceService.NAME,
                    new PlacementAdviceService(TimeUnit.SECONDS.toMillis(cfg.getPlacementAdviceSeconds())));
            }
            settings.onStandbyScalerModeChange(mode -> {
                if (!scheduler.isShutdown())
                    scheduler.execute(this::deployStandbyScaler);
            });
            deployStandbyScaler();
            deploy(AdaptationService.NAME, new AdaptationService(ADAPTATION_POLL_MILLIS));
        }
        log.info("Autopilot started: " + cfg + ", tables in schema " + SystemTable.SCHEMA);
    }

    /** Writes this node's query log and the rewrites it made to the {@code AUTOPILOT} tables now. */
    synchronized void flushQueryLog() {
        publisher.flush();
        rewrites.publish();
    }

    void stop() {
        background.stop(BACKGROUND_STOP_MILLIS, log);
        tellServersThisOneLeaves();
        if (tap != null)
            tap.close();
        if (scheduler != null)
            scheduler.shutdownNow();
    }

    @Override public void setRewriting(boolean enabled) {
        hook.enabled(enabled);
        sweeps.afterChange(kernal, scheduler);
    }

    @Override public long rewrittenStatements() {
        return hook.rewritten();
    }

    /** @return a runner of the adaptations acting under {@code token} until {@code stopped} */
    AdaptationRunner adaptationRunner(String token, BooleanSupplier stopped) {
        return adaptationRunner(token, stopped, adaptationSteps, System::currentTimeMillis, Sleeper.REAL);
    }

    /**
     * @return a runner like the manager's that runs {@code steps} and waits by {@code clock} and {@code sleeper}: for
     *     tests that run adaptations on their own
     */
    AdaptationRunner adaptationRunner(String token, BooleanSupplier stopped, LayoutSteps steps, LongSupplier clock,
        Sleeper sleeper) {
        return adaptationRunner(token, stopped, steps, new QueryLogLatencies(ignite), clock, sleeper);
    }

    /** @return a runner like the manager's that reads {@code latencies} by {@code clock}: for tests of the watch */
    AdaptationRunner adaptationRunner(String token, BooleanSupplier stopped, TableLatencies latencies,
        LongSupplier clock) {
        return adaptationRunner(token, stopped, adaptationSteps, latencies, clock, Sleeper.REAL);
    }

    private AdaptationRunner adaptationRunner(String token, BooleanSupplier stopped, LayoutSteps steps,
        TableLatencies latencies, LongSupplier clock, Sleeper sleeper) {
        AdaptationConfiguration a = cfg.getAdaptation();
        LatencyWatch watch = new LatencyWatch(latencies, queryLog.windowMillis(), a.getWatchWindows(),
            a.getRegressionMargin(), publishDelayMillis());
        return new AdaptationRunner(records, owners, steps, token, stopped, clock, watch, new OffSwitch(settings),
            log, sleeper);
    }

    /** @return steps like the manager's that drain by {@code drain}, paced as the configuration says */
    LayoutSteps adaptationSteps(LayoutDrain drain) {
        FillSettings paced = new FillSettings(cfg.getFillBatchSize(), cfg.getAdaptationThreads(),
            cfg.getAdaptation().getFillLatencyRatio(), cfg.getAdaptation().getFillNiceRatio());
        return new LayoutSteps(ignite, layouts, this::compile, AutopilotPlugin.NAME, paced, drain);
    }

    private DerivedValueFunction compile(String schema, String table, String expression) {
        return DerivedValueCompiler.compile(ignite, schema, table, expression);
    }

    /** @return the manager's own initiative, a fresh one for each manager instance */
    AutoAdaptation autoAdaptation(AutopilotPlugin plugin) {
        return new AutoAdaptation(plugin, cfg.getAdaptation(), settings, new QueryLogLatencies(ignite),
            queryLog.windowMillis(), publishDelayMillis(), log);
    }

    /**
     * @return how long after a query-log window ends every node has written its figures to the cluster-wide tables,
     *     and the manager judges the window
     */
    long publishDelayMillis() {
        return 2 * cfg.getFlushIntervalMillis() + 500;
    }

    QueryLog queryLog() {
        return queryLog;
    }

    AutopilotConfiguration configuration() {
        return cfg;
    }

    RuntimeSettings settings() {
        return settings;
    }

    LayoutDerivations derivations() {
        return derivations;
    }

    NodeProfiles profiles() {
        return profiles;
    }

    NodeAdaptations adaptations() {
        return adaptations;
    }

    NodePlacement placement() {
        return placement;
    }

    QueryCapture capture() {
        return capture;
    }

    /** @return what Ignite's parser calls on this node: capture, then rewrite */
    RewritingHook statementHook() {
        return hook;
    }

    /** @return when Autopilot's own SQL may run in the background */
    BackgroundSql background() {
        return background;
    }

    /** @return this node's part of the drains before structures stop being kept current or are dropped */
    LocalPlanDrain localPlanDrain() {
        return localPlanDrain;
    }

    /** @return the steps the adaptation manager runs, for tests that run one on their own */
    LayoutSteps adaptationSteps() {
        return adaptationSteps;
    }

    private void deploy(String name, Service service) {
        ignite.services(ignite.cluster().forServers()).deployClusterSingletonAsync(name, service);
    }

    /**
     * Deploys the standby scaler unless its mode is OFF; called again on each change of the mode (off the thread that
     * delivers the change), since it may have been OFF when the cluster started. Deploying it again is a no-op; once
     * deployed, it does nothing while OFF.
     */
    private void deployStandbyScaler() {
        if (settings.standbyScalerMode() != StandbyScalerMode.OFF) {
            deploy(StandbyScalerService.NAME,
                new StandbyScalerService(TimeUnit.SECONDS.toMillis(cfg.getStandbyScaler().getPeriodSeconds())));
        }
    }

    /** Runs {@code work} on this node's scheduler if it is a started server; a failure is logged. */
    private void onServerInBackground(Runnable work) {
        ScheduledExecutorService s = scheduler;
        if (s == null || s.isShutdown() || ignite.cluster().localNode().isClient())
            return;
        s.execute(() -> quietly(work, "follow a table's DDL"));
    }

    /**
     * Keeps derived columns out of {@code SYS.TABLE_COLUMNS} and JDBC {@code getColumns}, where SQL tools list a
     * table's columns (issue 23). A node whose Ignite lacks the internals this needs still runs, listing them.
     */
    private void hideDerivedColumns() {
        try {
            ColumnCatalogs.hide(ignite, HiddenColumns.derivedIn(layouts::snapshot));
        }
        catch (IllegalStateException e) {
            log.warning("Autopilot cannot hide derived columns from SQL catalogs: " + e.getMessage(), e);
        }
    }

    /** See {@link LeavingServer}: the other servers stop sending this node Autopilot's queries. */
    private void tellServersThisOneLeaves() {
        if (ignite == null || ignite.cluster().localNode().isClient())
            return;
        ClusterGroup others = ignite.cluster().forServers().forRemotes();
        try {
            if (!others.nodes().isEmpty()) {
                UUID self = ignite.cluster().localNode().id();
                ignite.compute(others).withTimeout(BACKGROUND_STOP_MILLIS)
                    .broadcast(new LeavingServer(self, BACKGROUND_STOP_MILLIS));
            }
        }
        catch (IgniteException e) {
            // A server that stops or left too needs no word; the others still counted this node out.
            log.info("Autopilot could not tell every server that this node stops: " + e.getMessage());
        }
    }

    private void flushQuietly() {
        try {
            flushQueryLog();
        }
        catch (RuntimeException e) {
            // The node may be stopping or a table not yet ready; the next flush writes what this one could not.
            if (log.isDebugEnabled())
                log.debug("Autopilot query log flush failed: " + e);
        }
    }

    /** Runs background work whose next run, or the next change, does it again: a failure is only logged. */
    private void quietly(Runnable work, String what) {
        try {
            work.run();
        }
        catch (RuntimeException e) {
            log.warning("Autopilot could not " + what + ": " + e);
        }
    }

    private NodeStateView.NodeState nodeState() {
        LayoutSnapshot snapshot = layouts.snapshot();
        return new NodeStateView.NodeState(ignite.cluster().localNode().id(), snapshot.version(),
            snapshot.all().size(), hook.rewritten(), queryLog.executions(), sweeps.lastClear());
    }

    private void registerMetrics(MetricRegistry reg) {
        reg.register("QueriesRewritten", hook::rewritten, "Statements this node rewrote to read a derived column.");
        reg.register("AdaptationsRecommended", adaptations::recommended,
            "Adaptations the manager on this node recommended instead of making (mode RECOMMEND).");
        reg.register("ExecutionsCaptured", queryLog::executions, "SQL executions counted in the query log.");
        reg.register("ExecutionsWithoutTemplate", queryLog::droppedTemplates,
            "Executions not attributed to a template because maxTemplates was reached.");
        reg.register("TemplatesTracked", () -> (long)queryLog.templates().size(), "Templates this node tracks.");
        reg.register("AnalysisFailures", capture::analysisFailures, "Statements the analyzer could not read.");
        reg.register("ExecutionsSkippedInternal", capture::internalSkipped,
            "Executions on Ignite's or Autopilot's own tables, not counted as workload.");
    }
}
