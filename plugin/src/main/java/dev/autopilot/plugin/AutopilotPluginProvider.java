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

import java.io.Serializable;
import java.util.UUID;
import dev.autopilot.adaptation.derive.DerivedColumnsAttachment;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.internal.DistributedProperties;
import dev.autopilot.sql.log.QueryLog;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.calcite.CalciteQueryEngineConfiguration;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.configuration.QueryEngineConfiguration;
import org.apache.ignite.plugin.CachePluginContext;
import org.apache.ignite.plugin.CachePluginProvider;
import org.apache.ignite.plugin.ExtensionRegistry;
import org.apache.ignite.plugin.IgnitePlugin;
import org.apache.ignite.plugin.PluginConfiguration;
import org.apache.ignite.plugin.PluginContext;
import org.apache.ignite.plugin.PluginProvider;
import org.apache.ignite.plugin.PluginValidationException;

/**
 * Installs Autopilot on an Ignite node. Register it with {@code IgniteConfiguration.setPluginProviders(new
 * AutopilotPluginProvider(cfg))} (or the same bean in Spring XML); with no providers configured, Ignite finds it on
 * the class path through {@link java.util.ServiceLoader} and runs it with default settings. Autopilot observes
 * Ignite's Calcite engine, which must be the default SQL engine. Every server node of a cluster must run it: a server without
 * it is refused at join, since statements it plans would escape the query log.
 */
public class AutopilotPluginProvider implements PluginProvider<AutopilotConfiguration> {
    /** What a node with the plugin sends when it joins. */
    private static final String VERSION = "0.1.0";

    private AutopilotConfiguration cfg;
    private PluginContext ctx;
    private AutopilotNode node;
    private AutopilotPlugin plugin;

    /**
     * A provider that takes its settings from {@code IgniteConfiguration.setPluginConfigurations(...)} when an
     * {@link AutopilotConfiguration} is there, and the defaults otherwise (the {@link java.util.ServiceLoader} route).
     */
    public AutopilotPluginProvider() {
    }

    /** @param cfg settings */
    public AutopilotPluginProvider(AutopilotConfiguration cfg) {
        this.cfg = cfg;
    }

    /** @param cfg settings, for Spring XML */
    public void setConfiguration(AutopilotConfiguration cfg) {
        this.cfg = cfg;
    }

    /** @return settings */
    public AutopilotConfiguration getConfiguration() {
        return cfg;
    }

    @Override public String name() {
        return AutopilotPlugin.NAME;
    }

    @Override public String version() {
        return VERSION;
    }

    @Override public String copyright() {
        return "Ignite Autopilot";
    }

    @SuppressWarnings("unchecked")
    @Override public <T extends IgnitePlugin> T plugin() {
        return (T)plugin;
    }

    @Override public void initExtensions(PluginContext ctx, ExtensionRegistry registry) throws IgniteCheckedException {
        this.ctx = ctx;
        if (cfg == null)
            cfg = configured(ctx.igniteConfiguration());
        try {
            cfg.validate();
        }
        catch (IllegalArgumentException e) {
            throw new IgniteCheckedException(e.getMessage(), e);
        }
        requireCalciteByDefault(ctx.igniteConfiguration());
        warnIfIndexBuildsCapped(ctx.igniteConfiguration(), ctx.log(AutopilotPluginProvider.class));

        QueryLog queryLog = new QueryLog(cfg.queryLogSettings(), System::currentTimeMillis,
            ctx.igniteConfiguration().getNodeId());
        DistributedProperties properties = new DistributedProperties(ctx.log(AutopilotPlugin.class));
        RuntimeSettings settings = LiveSettings.define(properties, cfg);
        properties.register(((IgniteEx)ctx.grid()).context());
        node = new AutopilotNode(cfg, settings, queryLog, ctx.grid());
        node.followLayouts(((IgniteEx)ctx.grid()).context());
        plugin = new AutopilotPlugin(node);
    }

    @SuppressWarnings("unchecked")
    @Override public <T> T createComponent(PluginContext ctx, Class<T> cls) {
        return cls == FrameworkConfig.class && cfg.isParserHook() ? (T)CalciteHook.frameworkConfig(node.statementHook())
            : null;
    }

    /** Attaches the interceptor that keeps derived columns current to every user table's cache. */
    @Override public CachePluginProvider createCacheProvider(CachePluginContext ctx) {
        CacheConfiguration<?, ?> cache = ctx.igniteCacheConfiguration();
        if (plugin != null && DerivedColumnsAttachment.eligible(cache))
            DerivedColumnsAttachment.attach(cache, AutopilotPlugin.NAME, ctx.log(AutopilotPluginProvider.class));
        return null;
    }

    @Override public void start(PluginContext ctx) {
        // Nothing to do before the node is up: see onIgniteStart.
    }

    @Override public void stop(boolean cancel) {
        // Stopped in onIgniteStop, while the node can still be used.
    }

    @Override public void onIgniteStart() {
        node.start(ctx.grid(), ctx.log(AutopilotPlugin.class));
    }

    @Override public void onIgniteStop(boolean cancel) {
        if (node != null)
            node.stop();
    }

    @Override public Serializable provideDiscoveryData(UUID nodeId) {
        return VERSION;
    }

    @Override public void receiveDiscoveryData(UUID nodeId, Serializable data) {
        // Nothing to receive: the joining node's version is checked in validateNewNode.
    }

    @Override public void validateNewNode(ClusterNode node) {
        // Superseded by validateNewNode(node, data).
    }

    /**
     * Refuses a node without Autopilot: a server would keep no derived column current, and a thick client plans its
     * own SQL, so it would show the derived columns to its users ({@code SELECT *}, {@code INSERT} without a column
     * list) and read none of them.
     */
    @Override public void validateNewNode(ClusterNode node, Serializable data) {
        if (data == null) {
            String msg = (node.isClient() ? "Thick client" : "Server node") + " without the Autopilot plugin cannot "
                + "join a cluster that runs it: install " + AutopilotPluginProvider.class.getName() + " on every "
                + "server node and thick client (thin clients and JDBC need nothing) [nodeId=" + node.id() + ']';
            throw new PluginValidationException(msg, msg, node.id());
        }
    }

    private static AutopilotConfiguration configured(IgniteConfiguration igniteCfg) {
        if (igniteCfg.getPluginConfigurations() != null) {
            for (PluginConfiguration c : igniteCfg.getPluginConfigurations()) {
                if (c instanceof AutopilotConfiguration)
                    return (AutopilotConfiguration)c;
            }
        }
        return new AutopilotConfiguration();
    }

    /**
     * Ignite builds a new index with at most its build pool's threads, whatever {@code PARALLEL} asks for, and sizes
     * that pool at a quarter of the cores by default: say so when it holds fewer threads than adaptations build with.
     */
    private void warnIfIndexBuildsCapped(IgniteConfiguration igniteCfg, IgniteLogger log) {
        if (igniteCfg.getBuildIndexThreadPoolSize() < cfg.getAdaptationThreads()) {
            log.warning("Autopilot builds indexes with adaptationThreads=" + cfg.getAdaptationThreads()
                + " threads, but this node builds an index with at most buildIndexThreadPoolSize="
                + igniteCfg.getBuildIndexThreadPoolSize() + " (IgniteConfiguration.setBuildIndexThreadPoolSize)");
        }
    }

    private static void requireCalciteByDefault(IgniteConfiguration igniteCfg) throws IgniteCheckedException {
        QueryEngineConfiguration[] engines = igniteCfg.getSqlConfiguration().getQueryEnginesConfiguration();
        if (engines != null) {
            for (QueryEngineConfiguration e : engines) {
                if (e instanceof CalciteQueryEngineConfiguration && e.isDefault())
                    return;
            }
        }
        throw new IgniteCheckedException("Autopilot needs Ignite's Calcite engine as the default SQL engine: set "
            + "sqlConfiguration.queryEnginesConfiguration to a CalciteQueryEngineConfiguration with default = true");
    }
}
