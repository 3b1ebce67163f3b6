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

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.cache.Cache;
import dev.autopilot.adaptation.SchemaProfiles;
import dev.autopilot.adaptation.apply.FillSettings;
import dev.autopilot.adaptation.apply.LayoutApplier;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.derive.Derivations;
import dev.autopilot.adaptation.derive.FunctionCompiler;
import dev.autopilot.adaptation.derive.LayoutDerivations;
import dev.autopilot.adaptation.derive.RowDeriver;
import dev.autopilot.adaptation.layout.LayoutCodec;
import dev.autopilot.adaptation.layout.LayoutStore;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationRecords;
import dev.autopilot.adaptation.manage.AdaptationRequests;
import dev.autopilot.adaptation.manage.AdaptationRunner;
import dev.autopilot.adaptation.manage.LatencyWatch;
import dev.autopilot.adaptation.manage.QueryLogLatencies;
import dev.autopilot.adaptation.manage.TableLatencies;
import dev.autopilot.adaptation.manage.TableOwners;
import dev.autopilot.adaptation.mining.GeneratorSettings;
import dev.autopilot.adaptation.mining.ProfileGenerator;
import dev.autopilot.adaptation.profile.ProfileValidator;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.affinity.advise.PlacementAdvice;
import dev.autopilot.affinity.advise.PlacementAdvisor;
import dev.autopilot.affinity.advise.PlacementDecision;
import dev.autopilot.affinity.load.PartitionLoadPublisher;
import dev.autopilot.affinity.plan.PlannerSettings;
import dev.autopilot.forecast.ForecastRow;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.plugin.internal.IgniteLiveTables;
import dev.autopilot.plugin.internal.IgniteTableCatalog;
import dev.autopilot.plugin.internal.SchemaEvents;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.capture.QueryCapture;
import dev.autopilot.sql.expression.ProfileValidationException;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.internal.ColumnCatalogs;
import dev.autopilot.sql.internal.DerivedValueCompiler;
import dev.autopilot.sql.internal.QueryFinishTap;
import dev.autopilot.sql.layout.HiddenColumns;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.log.QueryLog;
import dev.autopilot.sql.log.QueryLogPublisher;
import dev.autopilot.sql.rewrite.QueryRewriter;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.stats.ManagedTable;
import dev.autopilot.sql.stats.StatisticsCollector;
import dev.autopilot.sql.stats.TableStatistics;
import dev.autopilot.sql.tables.AutopilotTables;
import dev.autopilot.sql.tables.SystemTable;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.metric.MetricRegistry;
import org.apache.ignite.plugin.IgnitePlugin;

import static dev.autopilot.sql.tables.AutopilotTables.ADAPTATION_PINS;
import static dev.autopilot.sql.tables.AutopilotTables.PARTITION_LAYOUTS;
import static dev.autopilot.sql.tables.AutopilotTables.QUERY_REWRITES;

/**
 * Autopilot on one node, and its Java API ({@code ignite.plugin("autopilot")}): the query log this node keeps, and
 * the statistics of the tables it manages. Started by {@link AutopilotPluginProvider}.
 */
public final class AutopilotPlugin implements IgnitePlugin, Derivations {
    /** The name under which Ignite knows the plugin. */
    public static final String NAME = "autopilot";

    /** Put this comment anywhere in a statement's text to have it planned exactly as written, never rewritten. */
    public static final String NO_REWRITE = QueryRewriter.NO_REWRITE;

    /** How far above the mean node load the placement advisor lets a node go before it moves load off it. */
    private static final double PLACEMENT_HEADROOM = 1.1;

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

    private Ignite ignite;
    private IgniteLogger log;
    private QueryFinishTap tap;
    private QueryLogPublisher publisher;
    private StatisticsCollector statistics;
    private TableLoadForecasts forecasts;
    private SchemaProfiles profiles;
    private ScheduledExecutorService scheduler;
    private GridKernalContext kernal;
    private LayoutStore layouts;
    private LayoutApplier applier;
    private LayoutSteps adaptationSteps;
    private AdaptationRecords adaptations;
    private TableOwners owners;
    private LocalPlanDrain localPlanDrain;
    private PartitionLoadPublisher partitionLoad;
    private BackgroundSql background = new BackgroundSql(null);
    private final LongAdder recommendations = new LongAdder();

    AutopilotPlugin(AutopilotConfiguration cfg, RuntimeSettings settings, QueryLog queryLog, Ignite node) {
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

    /** @return the plugin of a started node */
    public static AutopilotPlugin of(Ignite ignite) {
        return ignite.plugin(NAME);
    }

    /** @return this node's query log */
    public QueryLog queryLog() {
        return queryLog;
    }

    /**
     * Writes this node's query log and the rewrites it made to the {@code AUTOPILOT} tables now rather than at the
     * next flush.
     */
    public synchronized void flushQueryLog() {
        publisher.flush();
        publishRewrites();
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
        return refreshProfiles(windowStart, statistics.managedTables());
    }

    /**
     * The manager's refresh: profiles of the tables it found slow only, with statistics collected anew only when older
     * than {@code statisticsMaxAgeSeconds}, since collecting them reads the whole table: it was most of the time from a
     * slow window to an adaptation, and a full scan every window while an adaptation of the table fills.
     *
     * @param tableNames {@code SCHEMA.TABLE} names
     */
    List<SchemaProfile> refreshProfiles(long windowStart, Collection<String> tableNames) {
        List<ManagedTable> tables = statistics.managedTables().stream()
            .filter(t -> tableNames.contains(t.qualifiedName())).toList();
        return profiles.refresh(windowStart, queryLog.windowMillis(), tables,
            statistics.recent(tables, cfg.getStatisticsMaxAgeSeconds() * 1000L));
    }

    private List<SchemaProfile> refreshProfiles(long windowStart, List<ManagedTable> tables) {
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

    /** @return the partition layouts as this node sees them: what Autopilot added to each table */
    public LayoutSnapshot layouts() {
        return layouts.snapshot();
    }

    /**
     * Gives a table the derived columns and indexes of a profile now, while the cluster keeps serving; see
     * {@link LayoutApplier}. Structures the table has already are kept. The fill runs as fast as it goes: for one
     * paced to the foreground, resumable and watched, use {@link #requestAdaptation}.
     *
     * @param profileJson a schema profile (see {@code SchemaProfile}), e.g. one from {@code AUTOPILOT.SCHEMA_PROFILES}
     * @return the table's layout afterwards
     * @throws dev.autopilot.sql.expression.ProfileValidationException naming the field when the profile is refused,
     *     or the cache when it is not ATOMIC; nothing changed then
     * @throws IllegalStateException naming the adaptation or call that is changing the table; nothing changed then
     */
    public PartitionLayout applyProfile(String profileJson) {
        SchemaProfile profile = new ProfileValidator(this::userSchema).read(profileJson);
        TableSchema table = adaptableSchema(profile.table());
        try (TableOwners.Lease ignored = owners.take(profile.table(), "applyProfile")) {
            return applier.apply(profile, table, filled -> {
                if (log.isDebugEnabled())
                    log.debug("Autopilot filled " + filled + " rows of " + profile.table());
            });
        }
    }

    /**
     * Asks the Partition Adaptation Manager to give a table the structures of a profile: unlike
     * {@link #applyProfile}, it returns at once, and the change goes on, or is rolled back, whichever node leaves.
     *
     * @param profileJson a schema profile
     * @return the adaptation's id; its progress is in {@link #adaptations()} and {@code AUTOPILOT.ADAPTATIONS}
     * @throws dev.autopilot.sql.expression.ProfileValidationException naming the field when the profile is refused,
     *     or the cache when it is not ATOMIC
     * @throws IllegalStateException when an adaptation of the same table is not finished, or a call changes it
     */
    public String requestAdaptation(String profileJson) {
        SchemaProfile profile = new ProfileValidator(this::userSchema).read(profileJson);
        return requestAdaptation(profile, profileJson, Adaptation.REQUESTED);
    }

    /** @see #requestAdaptation(String) */
    String requestAdaptation(SchemaProfile profile, String profileJson, String trigger) {
        if (pinned(profile.table()))
            throw new IllegalStateException(profile.table() + " is pinned: Autopilot does not adapt it until unpinned");
        return requests().request(profile, profileJson, adaptableSchema(profile.table()), trigger);
    }

    /** @return what {@code profile} would add to its table now */
    LayoutPlan planOf(SchemaProfile profile) {
        return requests().plan(profile, adaptableSchema(profile.table()));
    }

    /**
     * Pins a table: no adaptation starts on it, requested or automatic, until it is unpinned. The same as
     * {@code INSERT INTO AUTOPILOT.ADAPTATION_PINS (TABLE_NAME, REASON, PINNED_AT) VALUES (...)}.
     *
     * @param table {@code SCHEMA.TABLE}
     * @param reason why, for whoever reads the pins
     */
    public void pin(String table, String reason) {
        ADAPTATION_PINS.cache(ignite).put(table, ADAPTATION_PINS.value(ignite.binary(), reason,
            new Timestamp(System.currentTimeMillis())));
    }

    /** Unpins a table pinned at run time; tables pinned in the configuration stay pinned. */
    public void unpin(String table) {
        ADAPTATION_PINS.cache(ignite).remove(table);
    }

    /** @return whether {@code table} is pinned, in the configuration or at run time */
    public boolean pinned(String table) {
        return cfg.getAdaptation().getPinnedTables().contains(table) || ADAPTATION_PINS.cache(ignite).containsKey(table);
    }

    /** @return the managed tables the manager may adapt ({@link AtomicCaches}), {@code SCHEMA.TABLE} */
    List<String> managedTableNames() {
        return statistics.managedTables().stream().filter(t -> AtomicCaches.atomic(ignite, t.cacheName()))
            .map(ManagedTable::qualifiedName).toList();
    }

    /** Records a recommendation the manager made instead of adapting; see {@link #applyRecommendation}. */
    String recommendAdaptation(SchemaProfile profile, String profileJson, String trigger) {
        String id = requests().recommend(profile, profileJson, adaptableSchema(profile.table()), trigger);
        recommendations.increment();
        return id;
    }

    /**
     * Applies a recommendation of the manager (mode RECOMMEND): it becomes an adaptation, planned against the table's
     * layout now. The same as inserting {@code APPLY} into {@code AUTOPILOT.ADAPTATION_COMMANDS}.
     *
     * @throws IllegalStateException when it is not a pending recommendation, the table is pinned or an adaptation of
     *     it runs
     * @throws dev.autopilot.sql.expression.ProfileValidationException when the table changed so that its profile no
     *     longer fits
     */
    public void applyRecommendation(String id) {
        Adaptation a = requests().recommendation(id);
        if (pinned(a.table()))
            throw new IllegalStateException(a.table() + " is pinned: Autopilot does not adapt it until unpinned");
        SchemaProfile profile = new ProfileValidator(this::userSchema).read(a.profile());
        requests().apply(id, profile, adaptableSchema(profile.table()));
    }

    /**
     * Rejects a recommendation of the manager, which then does not recommend the same change again. The same as
     * inserting {@code REJECT} into {@code AUTOPILOT.ADAPTATION_COMMANDS}.
     *
     * @throws IllegalStateException when it is not a pending recommendation
     */
    public void rejectRecommendation(String id, String reason) {
        requests().reject(id, reason == null ? "rejected by a user" : reason);
    }

    /**
     * Takes an adaptation back, finished or not: the table's layout before it is restored at once, then the columns
     * and indexes it added are dropped.
     *
     * @return whether it will be rolled back ({@code false} when it already was)
     */
    public boolean rollbackAdaptation(String id) {
        return requests().rollback(id);
    }

    /**
     * Takes back an adaptation of the manager's that a newer profile of its table no longer wants, if it has not cut
     * over since the manager read it.
     *
     * @return whether it will be rolled back
     */
    boolean supersedeAdaptation(String id, String why) {
        return requests().supersede(id, why);
    }

    /** @return every adaptation recorded, oldest first */
    public List<Adaptation> adaptations() {
        return adaptations.all();
    }

    /** @return a runner of the adaptations acting under {@code token} until {@code stopped} */
    AdaptationRunner adaptationRunner(String token, BooleanSupplier stopped) {
        return adaptationRunner(token, stopped, new QueryLogLatencies(ignite), System::currentTimeMillis);
    }

    /** @return a runner as {@link #adaptationRunner(String, BooleanSupplier)}, reading {@code latencies} by {@code clock} */
    AdaptationRunner adaptationRunner(String token, BooleanSupplier stopped, TableLatencies latencies,
        LongSupplier clock) {
        AdaptationConfiguration a = cfg.getAdaptation();
        LatencyWatch watch = new LatencyWatch(latencies, queryLog.windowMillis(), a.getWatchWindows(),
            a.getRegressionMargin(), publishDelayMillis());
        return new AdaptationRunner(adaptations, owners, adaptationSteps, token, stopped, clock, watch,
            new OffSwitch(settings), log);
    }

    /** @return the manager's own initiative, a fresh one for each manager instance */
    AutoAdaptation autoAdaptation() {
        return new AutoAdaptation(this, cfg.getAdaptation(), settings, new QueryLogLatencies(ignite),
            queryLog.windowMillis(), publishDelayMillis(), log);
    }

    /**
     * @return how long after a query-log window ends every node has written its figures to the cluster-wide tables,
     *     and the manager judges the window
     */
    public long publishDelayMillis() {
        return 2 * cfg.getFlushIntervalMillis() + 500;
    }

    private AdaptationRequests requests() {
        return new AdaptationRequests(adaptations, owners, adaptationSteps, System::currentTimeMillis);
    }

    /**
     * Removes every derived column and index Autopilot added to {@code table} ({@code SCHEMA.TABLE}).
     *
     * @throws IllegalStateException naming the adaptation or call that is changing the table; nothing changed then
     */
    public void removeStructures(String table) {
        TableSchema schema = userSchema(table);
        try (TableOwners.Lease ignored = owners.take(table, "removeStructures")) {
            applier.removeAll(schema);
        }
    }

    /**
     * Checks every row's derived values against Ignite SQL's own evaluation and repairs them if a write path that
     * bypasses Autopilot (the data streamer without {@code allowOverwrite}) left any stale; queries are not rewritten
     * to use the table's derived columns until it is repaired.
     *
     * @return rows found stale
     * @throws IllegalStateException naming the adaptation or call that is changing the table; nothing changed then
     */
    public long repairDerivedColumns(String table) {
        TableSchema schema = userSchema(table);
        try (TableOwners.Lease ignored = owners.take(table, "repairDerivedColumns")) {
            return applier.repair(schema);
        }
    }

    /** @return this node's part of the drains before structures stop being kept current or are dropped */
    LocalPlanDrain localPlanDrain() {
        return localPlanDrain;
    }

    /** @return the steps the adaptation manager runs, for tests that run one on its own */
    LayoutSteps adaptationSteps() {
        return adaptationSteps;
    }

    @Override public RowDeriver forCache(String cacheName) {
        return derivations.forCache(cacheName);
    }

    /**
     * Writes the reads and writes this node counted per partition (caches with a
     * {@code dev.autopilot.affinity.hot.HotRowInterceptor}) to {@code AUTOPILOT.PARTITION_LOAD} now, closing the
     * current window early; it is otherwise written at the end of every query-log window.
     *
     * @return rows written
     */
    public int publishPartitionLoad() {
        return partitionLoad.publish();
    }

    /**
     * Runs the placement advisor once, in dry run: for every cache in the latest window of
     * {@code AUTOPILOT.PARTITION_LOAD}, which partitions it would move and why, recorded in
     * {@code AUTOPILOT.PLACEMENT_DECISIONS}. Nothing is moved.
     *
     * @return the decisions recorded (none for a window decided before)
     */
    public List<PlacementDecision> advisePlacement() {
        return PlacementAdvice.run(ignite, new PlacementAdvisor(new PlannerSettings(), PLACEMENT_HEADROOM));
    }

    /** @return the configuration this node started with; see {@link #settings()} for what changes at run time */
    public AutopilotConfiguration configuration() {
        return cfg;
    }

    /** @return the settings as the cluster holds them now ({@code control.sh --property}) */
    public RuntimeSettings settings() {
        return settings;
    }

    QueryCapture capture() {
        return capture;
    }

    /** @return statements this node rewrote to read a derived column since it started */
    public long rewrittenStatements() {
        return hook.rewritten();
    }

    /** @return when Autopilot's own SQL may run in the background */
    BackgroundSql background() {
        return background;
    }

    /** @return what Ignite's parser calls on this node: capture, then rewrite */
    RewritingHook statementHook() {
        return hook;
    }

    /**
     * Turns query rewriting on this node on or off, and forgets the plans cached so far so that the change applies to
     * the next execution of every statement.
     */
    public void setRewriting(boolean enabled) {
        hook.enabled(enabled);
        PlanCacheSweeps.afterChange(kernal, scheduler);
    }

    /** Follows the cluster's partition layouts from the moment the node's metastorage can be read. */
    void followLayouts(GridKernalContext kernal) {
        this.kernal = kernal;
        layouts = LayoutStore.register(kernal, new IgniteLiveTables(kernal), snapshot -> {
            derivations.onSnapshot(snapshot);
            PlanCacheSweeps.afterChange(kernal, scheduler);
            if (scheduler != null && !scheduler.isShutdown()) {
                scheduler.execute(this::compileDerivationsQuietly);
                scheduler.execute(this::publishLayoutsQuietly);
            }
        });
        SchemaEvents.register(kernal, new TableDdlFollower(layouts, () -> adaptationSteps, this::requests,
            this::onServerInBackground, System::currentTimeMillis));
    }

    /** Runs {@code work} on this node's scheduler if it is a started server; a failure is logged. */
    private void onServerInBackground(Runnable work) {
        ScheduledExecutorService s = scheduler;
        if (s == null || s.isShutdown() || ignite.cluster().localNode().isClient())
            return;
        s.execute(() -> {
            try {
                work.run();
            }
            catch (RuntimeException e) {
                log.warning("Autopilot could not follow a table's DDL: " + e, e);
            }
        });
    }

    /**
     * @return the table as its user defined it, for a change of its layout
     * @throws ProfileValidationException naming its cache when that is not ATOMIC
     */
    private TableSchema adaptableSchema(String table) {
        TableSchema t = userSchema(table);
        AtomicCaches.require(ignite, table, t.cacheName());
        return t;
    }

    /** @return the table as its user defined it, without the derived columns Autopilot added */
    TableSchema userSchema(String table) {
        ManagedTable t = statistics.managedTables().stream().filter(m -> m.qualifiedName().equals(table)).findFirst()
            .orElseThrow(() -> new ProfileValidationException("table", "no table " + table + " that Autopilot manages"));
        TableSchema all = TableSchema.of(t, List.of());
        PartitionLayout layout = layouts.layout(table);
        if (layout == null)
            return all;
        Map<String, ColumnType> own = new LinkedHashMap<>(all.columns());
        own.keySet().retainAll(layout.table().columns().keySet());
        return new TableSchema(all.table(), all.cacheName(), own, all.primaryKey(), all.indexes());
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
            CalciteHook.plainParser(), layouts::layout);
        forecasts = new TableLoadForecasts(ignite, queryLog.windowMillis(), cfg.getForecastHistoryWindows(),
            ForecastSettings.builder().horizon(cfg.getForecastHorizon()).build(), cfg.getForecastTrainingBudgetMillis(),
            System::currentTimeMillis);
        FunctionCompiler compiler = (schema, table, expression) ->
            DerivedValueCompiler.compile(ignite, schema, table, expression);
        localPlanDrain = new LocalPlanDrain(kernal, layouts::snapshot, System::currentTimeMillis);
        PlanDrain drain = new PlanDrain(ignite, PlanDrain.TIMEOUT_MILLIS);
        applier = new LayoutApplier(ignite, layouts, compiler, NAME, FillSettings.unthrottled(cfg.getFillBatchSize(),
            cfg.getAdaptationThreads()), drain);
        FillSettings paced = new FillSettings(cfg.getFillBatchSize(), cfg.getAdaptationThreads(),
            cfg.getAdaptation().getFillLatencyRatio(), cfg.getAdaptation().getFillNiceRatio());
        adaptationSteps = new LayoutSteps(ignite, layouts, compiler, NAME, paced, drain);
        adaptations = new AdaptationRecords(ignite);
        owners = new TableOwners(ignite, adaptations, System::currentTimeMillis);
        tap = QueryFinishTap.install(ignite, capture);
        hideDerivedColumns(ignite);
        registerMetrics(ignite.metrics().getOrCreate(NAME));

        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "autopilot-publisher-" + ignite.name());
            t.setDaemon(true);
            return t;
        });
        scheduler.execute(this::compileDerivationsQuietly);
        long window = queryLog.windowMillis();
        partitionLoad = new PartitionLoadPublisher(ignite, System::currentTimeMillis, queryLog.currentWindow());
        scheduler.scheduleAtFixedRate(this::publishPartitionLoadQuietly,
            queryLog.currentWindow() + window - System.currentTimeMillis(), window, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::flushQuietly, cfg.getFlushIntervalMillis(),
            cfg.getFlushIntervalMillis(), TimeUnit.MILLISECONDS);

        if (!ignite.cluster().localNode().isClient())
            background = new BackgroundSql(StartedServers.announce(ignite, System::currentTimeMillis, log));

        if (cfg.getStatisticsRefreshSeconds() > 0 && !ignite.cluster().localNode().isClient()) {
            ignite.services(ignite.cluster().forServers()).deployClusterSingletonAsync(StatisticsRefreshService.NAME,
                new StatisticsRefreshService(TimeUnit.SECONDS.toMillis(cfg.getStatisticsRefreshSeconds())));
        }

        if (cfg.getPlacementAdviceSeconds() > 0 && !ignite.cluster().localNode().isClient()) {
            ignite.services(ignite.cluster().forServers()).deployClusterSingletonAsync(PlacementAdviceService.NAME,
                new PlacementAdviceService(TimeUnit.SECONDS.toMillis(cfg.getPlacementAdviceSeconds())));
        }

        if (!ignite.cluster().localNode().isClient()) {
            settings.onStandbyScalerModeChange(mode -> {
                if (!scheduler.isShutdown())
                    scheduler.execute(this::deployStandbyScaler);
            });
            deployStandbyScaler();
        }

        if (!ignite.cluster().localNode().isClient()) {
            ignite.services(ignite.cluster().forServers()).deployClusterSingletonAsync(AdaptationService.NAME,
                new AdaptationService(ADAPTATION_POLL_MILLIS));
        }

        log.info("Autopilot started: " + cfg + ", tables in schema " + SystemTable.SCHEMA);
    }

    /**
     * Deploys the standby scaler unless its mode is OFF; called again on each change of the mode (off the thread that
     * delivers the change), since it may have been OFF when the cluster started. Deploying it again is a no-op; once
     * deployed, it does nothing while OFF.
     */
    private void deployStandbyScaler() {
        if (settings.standbyScalerMode() != StandbyScalerMode.OFF) {
            ignite.services(ignite.cluster().forServers()).deployClusterSingletonAsync(StandbyScalerService.NAME,
                new StandbyScalerService(TimeUnit.SECONDS.toMillis(cfg.getStandbyScaler().getPeriodSeconds())));
        }
    }

    /**
     * Keeps derived columns out of {@code SYS.TABLE_COLUMNS} and JDBC {@code getColumns}, where SQL tools list a
     * table's columns (issue 23). A node whose Ignite lacks the internals this needs still runs, listing them.
     */
    private void hideDerivedColumns(Ignite ignite) {
        try {
            ColumnCatalogs.hide(ignite, HiddenColumns.derivedIn(layouts::snapshot));
        }
        catch (IllegalStateException e) {
            log.warning("Autopilot cannot hide derived columns from SQL catalogs: " + e.getMessage(), e);
        }
    }

    void stop() {
        background.stop(BACKGROUND_STOP_MILLIS, log);
        tellServersThisOneLeaves();
        if (tap != null)
            tap.close();
        if (scheduler != null)
            scheduler.shutdownNow();
    }

    /** See {@link LeavingServer}: the other servers stop sending this node Autopilot's queries. */
    private void tellServersThisOneLeaves() {
        if (ignite == null || ignite.cluster().localNode().isClient())
            return;
        ClusterGroup others = ignite.cluster().forServers().forRemotes();
        try {
            if (!others.nodes().isEmpty()) {
                ignite.compute(others).withTimeout(BACKGROUND_STOP_MILLIS)
                    .broadcast(new LeavingServer(ignite.cluster().localNode().id(), BACKGROUND_STOP_MILLIS));
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

    private void publishPartitionLoadQuietly() {
        try {
            partitionLoad.publish();
        }
        catch (RuntimeException e) {
            log.warning("Autopilot could not write AUTOPILOT.PARTITION_LOAD: " + e);
        }
    }

    private void publishRewrites() {
        IgniteBinary bin = ignite.binary();
        String node = ignite.cluster().localNode().id().toString();
        Map<Object, BinaryObject> rows = new HashMap<>();
        for (RewritingHook.Made m = hook.poll(); m != null; m = hook.poll()) {
            rows.put(QUERY_REWRITES.key(bin, node, m.originalSql()), QUERY_REWRITES.value(bin, m.rewrite().sql(),
                String.join(", ", m.rewrite().rules()), m.rewrite().usedColumns().toString(), m.layoutVersion(),
                new Timestamp(m.at())));
        }
        if (!rows.isEmpty())
            QUERY_REWRITES.cache(ignite).putAll(rows);
    }

    private void compileDerivationsQuietly() {
        try {
            derivations.compileAll();
        }
        catch (RuntimeException e) {
            // The next write to the table compiles again, and reports what is wrong.
            log.warning("Autopilot could not compile the derived columns: " + e);
        }
    }

    /** The oldest server writes the layouts to {@code AUTOPILOT.PARTITION_LAYOUTS}, the others need not. */
    private void publishLayoutsQuietly() {
        try {
            ClusterNode oldest = ignite.cluster().forServers().forOldest().node();
            if (oldest == null || !oldest.isLocal())
                return;
            IgniteBinary bin = ignite.binary();
            Timestamp now = new Timestamp(System.currentTimeMillis());
            LayoutSnapshot snapshot = layouts.snapshot();
            Map<Object, BinaryObject> rows = new HashMap<>();
            for (PartitionLayout l : snapshot.all()) {
                String derived = l.derived().stream().map(c -> c.name() + " = " + c.storedSql() + " ("
                    + c.state() + ')').collect(Collectors.joining(", "));
                String indexes = l.indexes().stream().map(i -> i.name() + " (" + String.join(", ", i.columns()) + ')')
                    .collect(Collectors.joining(", "));
                rows.put(PARTITION_LAYOUTS.key(bin, l.table().table()), PARTITION_LAYOUTS.value(bin, l.version(),
                    derived, indexes, l.rewritable(), LayoutCodec.write(l), now));
            }
            IgniteCache<Object, BinaryObject> table = PARTITION_LAYOUTS.cache(ignite);
            for (Cache.Entry<Object, BinaryObject> e : table) {
                if (!rows.containsKey(e.getKey()))
                    table.remove(e.getKey());
            }
            table.putAll(rows);
        }
        catch (RuntimeException e) {
            log.warning("Autopilot could not write AUTOPILOT.PARTITION_LAYOUTS: " + e);
        }
    }

    private void registerMetrics(MetricRegistry reg) {
        reg.register("QueriesRewritten", hook::rewritten, "Statements this node rewrote to read a derived column.");
        reg.register("AdaptationsRecommended", recommendations::sum,
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
