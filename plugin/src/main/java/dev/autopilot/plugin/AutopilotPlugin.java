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

import java.util.Collection;
import java.util.List;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.control.AdaptationControl;
import dev.autopilot.adaptation.control.ProfileControl;
import dev.autopilot.adaptation.derive.Derivations;
import dev.autopilot.adaptation.derive.RowDeriver;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.affinity.control.PlacementControl;
import dev.autopilot.sql.log.QueryLogView;
import dev.autopilot.sql.rewrite.QueryRewriter;
import dev.autopilot.sql.rewrite.RewritingControl;
import org.apache.ignite.Ignite;
import org.apache.ignite.plugin.IgnitePlugin;

/**
 * Autopilot on one node, and its Java API ({@code AutopilotPlugin.of(ignite)}): the query log this node keeps, the
 * statistics and profiles of the tables it manages, their adaptations, the load and placement, and query rewriting,
 * each a small interface. Started by {@link AutopilotPluginProvider}; the parts are wired in {@code AutopilotNode}.
 */
public final class AutopilotPlugin implements IgnitePlugin, Derivations, AdaptationControl.Owner {
    /** The name under which Ignite knows the plugin. */
    public static final String NAME = "autopilot";

    /** Put this comment anywhere in a statement's text to have it planned exactly as written, never rewritten. */
    public static final String NO_REWRITE = QueryRewriter.NO_REWRITE;

    private final AutopilotNode node;

    AutopilotPlugin(AutopilotNode node) {
        this.node = node;
    }

    /** @return the plugin of a started node */
    public static AutopilotPlugin of(Ignite ignite) {
        return ignite.plugin(NAME);
    }

    /** @return this node's query log, read-only */
    public QueryLogView queryLog() {
        return node.queryLog();
    }

    /**
     * Writes this node's query log and the rewrites it made to the {@code AUTOPILOT} tables now rather than at the
     * next flush.
     */
    public void flushQueryLog() {
        node.flushQueryLog();
    }

    /** @return the statistics and schema profiles of the tables Autopilot manages */
    public ProfileControl profiles() {
        return node.profiles();
    }

    /** @return the adaptations: profiles applied or requested, recommendations, rollbacks, pins */
    @Override public AdaptationControl adaptation() {
        return node.adaptations();
    }

    /** @return the partition load, the table load forecasts and the placement advisor */
    public PlacementControl placement() {
        return node.placement();
    }

    /** @return query rewriting on this node */
    public RewritingControl rewriting() {
        return node;
    }

    /** @return the configuration this node started with; see {@link #settings()} for what changes at run time */
    public AutopilotConfiguration configuration() {
        return node.configuration();
    }

    /** @return the settings as the cluster holds them now ({@code control.sh --property}) */
    public RuntimeSettings settings() {
        return node.settings();
    }

    /**
     * @return how long after a query-log window ends every node has written its figures to the cluster-wide tables,
     *     and the manager judges the window
     */
    public long publishDelayMillis() {
        return node.publishDelayMillis();
    }

    @Override public RowDeriver forCache(String cacheName) {
        return node.derivations().forCache(cacheName);
    }

    /** @return the node's parts, for the services, the manager and tests */
    AutopilotNode node() {
        return node;
    }

    // What AutoAdaptation and PlanDrain ask of the node, until they move to the adaptation module.

    List<Adaptation> adaptations() {
        return node.adaptations().adaptations();
    }

    List<String> managedTableNames() {
        return node.adaptations().managedTableNames();
    }

    List<SchemaProfile> refreshProfiles(long windowStart, Collection<String> tableNames) {
        return node.profiles().refreshProfiles(windowStart, tableNames);
    }

    String requestAdaptation(SchemaProfile profile, String profileJson, String trigger) {
        return node.adaptations().requestAdaptation(profile, profileJson, trigger);
    }

    String recommendAdaptation(SchemaProfile profile, String profileJson, String trigger) {
        return node.adaptations().recommendAdaptation(profile, profileJson, trigger);
    }

    LayoutPlan planOf(SchemaProfile profile) {
        return node.adaptations().planOf(profile);
    }

    boolean supersedeAdaptation(String id, String why) {
        return node.adaptations().supersedeAdaptation(id, why);
    }

    boolean pinned(String table) {
        return node.adaptations().pinned(table);
    }

    LocalPlanDrain localPlanDrain() {
        return node.localPlanDrain();
    }
}
