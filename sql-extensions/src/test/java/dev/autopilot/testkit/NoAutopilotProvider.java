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

package dev.autopilot.testkit;

import java.io.Serializable;
import java.util.UUID;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.plugin.CachePluginContext;
import org.apache.ignite.plugin.CachePluginProvider;
import org.apache.ignite.plugin.ExtensionRegistry;
import org.apache.ignite.plugin.IgnitePlugin;
import org.apache.ignite.plugin.PluginConfiguration;
import org.apache.ignite.plugin.PluginContext;
import org.apache.ignite.plugin.PluginProvider;

/**
 * A plugin that does nothing, for running a node as plain Ignite while Autopilot's jar is on its class path: Ignite
 * loads every plugin it finds there when a node names none, so such a node names this one instead (the baseline of a
 * side-by-side benchmark, a test of what a cluster does with a node that lacks Autopilot).
 */
public final class NoAutopilotProvider implements PluginProvider<PluginConfiguration> {
    @Override public String name() {
        return "no-autopilot";
    }

    @Override public String version() {
        return "0";
    }

    @Override public String copyright() {
        return "";
    }

    @SuppressWarnings("unchecked")
    @Override public <T extends IgnitePlugin> T plugin() {
        return (T)new IgnitePlugin() { };
    }

    @Override public void initExtensions(PluginContext ctx, ExtensionRegistry registry) {
    }

    @Override public <T> T createComponent(PluginContext ctx, Class<T> cls) {
        return null;
    }

    @Override public CachePluginProvider createCacheProvider(CachePluginContext ctx) {
        return null;
    }

    @Override public void start(PluginContext ctx) {
    }

    @Override public void stop(boolean cancel) {
    }

    @Override public void onIgniteStart() {
    }

    @Override public void onIgniteStop(boolean cancel) {
    }

    @Override public Serializable provideDiscoveryData(UUID nodeId) {
        return null;
    }

    @Override public void receiveDiscoveryData(UUID nodeId, Serializable data) {
    }

    @Override public void validateNewNode(ClusterNode node) {
    }
}
