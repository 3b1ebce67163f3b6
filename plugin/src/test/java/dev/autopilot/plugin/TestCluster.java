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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import dev.autopilot.affinity.PredictiveAffinityFunction;
import dev.autopilot.affinity.hot.HotRowInterceptor;
import dev.autopilot.testkit.Await;
import dev.autopilot.testkit.IgniteTestCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;

/**
 * The test kit's cluster (ports, Calcite, orderly shutdown: see {@link IgniteTestCluster}) with what the plugin's
 * tests add: Autopilot on every node, a fixed baseline, caches whose partitions Autopilot counts or places.
 */
final class TestCluster extends IgniteTestCluster {
    /** @return the configuration of node {@code i}: Calcite by default, Autopilot with {@code cfg} */
    IgniteConfiguration config(int i, AutopilotConfiguration cfg) {
        return bareConfig(i).setPluginProviders(new AutopilotPluginProvider(cfg));
    }

    /** Starts {@code count} nodes with Autopilot configured by {@code cfg}, and waits until the cluster settled. */
    TestCluster start(int count, AutopilotConfiguration cfg) {
        for (int i = 0; i < count; i++)
            start(config(i, cfg));
        awaitSettled();
        return this;
    }

    /**
     * Creates a key-value cache of 32 partitions with one backup whose reads and writes Autopilot counts per partition
     * (its {@link HotRowInterceptor}).
     */
    void createCountedCache(String name) {
        node(0).getOrCreateCache(new CacheConfiguration<>(name).setAffinity(new RendezvousAffinityFunction(false, 32))
            .setBackups(1).setInterceptor(new HotRowInterceptor<>()));
    }

    /**
     * Starts nodes 0 and 1 as the whole baseline, with auto-adjust off, so that a node started later stands by outside
     * the baseline until someone adds it.
     *
     * @return node 0
     */
    Ignite startFixedBaseline(AutopilotConfiguration cfg) {
        return startFixedBaseline(2, i -> config(i, cfg));
    }

    /**
     * Creates a counted cache (see {@link #createCountedCache}) placed by {@link PredictiveAffinityFunction} from the
     * plans named after it.
     */
    void createPlannedCache(String name, int partitions) {
        node(0).getOrCreateCache(new CacheConfiguration<>(name).setBackups(1)
            .setAffinity(new PredictiveAffinityFunction().setPartitions(partitions).setPlanName(name))
            .setInterceptor(new HotRowInterceptor<>()));
    }

    /** @return the consistent ids of the baseline {@code node} sees, sorted */
    static List<String> baseline(Ignite node) {
        List<String> ids = new ArrayList<>();
        for (BaselineNode n : node.cluster().currentBaselineTopology())
            ids.add(String.valueOf(n.consistentId()));
        ids.sort(null);
        return ids;
    }

    /** Fails with {@code message} unless {@code condition} holds within 10 s: for what Ignite does asynchronously. */
    static void await(String message, BooleanSupplier condition) {
        await(message, condition, 10_000);
    }

    /** Fails with {@code message} unless {@code condition} holds within {@code timeoutMillis}. */
    static void await(String message, BooleanSupplier condition, long timeoutMillis) {
        Await.until(message, condition, Duration.ofMillis(timeoutMillis));
    }
}
