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

package dev.autopilot.sql.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.configuration.distributed.DistributedConfigurationLifecycleListener;
import org.apache.ignite.internal.processors.configuration.distributed.DistributedPropertyDispatcher;
import org.apache.ignite.internal.processors.configuration.distributed.SimpleDistributedProperty;

import static org.apache.ignite.internal.cluster.DistributedConfigurationUtils.makeUpdateListener;
import static org.apache.ignite.internal.cluster.DistributedConfigurationUtils.setDefaultValue;

/**
 * Settings held as Ignite distributed properties, the kind {@code control.sh --property list|get|set} shows and
 * changes: a value set on one node is stored in the distributed metastorage and reaches every node, joining ones
 * included, without a restart. Registered the way Ignite's extensions register theirs (the topology validator's
 * {@code CacheTopologyValidatorPluginProvider}). This is the only class of ours that touches Ignite's internal
 * property API: the rest reads plain {@link Supplier}s.
 */
public final class DistributedProperties {
    private static final String CHANGED = "Autopilot property '%s' changed from '%s' to '%s'";

    private final IgniteLogger log;
    private final List<Defined<?>> defined = new ArrayList<>();

    /** @param log where each change is logged, on every node */
    public DistributedProperties(IgniteLogger log) {
        this.log = log;
    }

    /**
     * Defines a property; call before {@link #register}.
     *
     * @param name the property's name, as {@code control.sh} shows it
     * @param description what it does
     * @param parser reads a value given as text; throws {@link IllegalArgumentException} naming the property and the
     *     value when it is refused, and then nothing changes
     * @param initial the value this node's configuration gives, written cluster-wide when the cluster has none yet
     * @return the value this node sees now, {@code initial} until one is set cluster-wide
     */
    public <T extends Serializable> Supplier<T> define(String name, String description, Function<String, T> parser,
        T initial) {
        SimpleDistributedProperty<T> p = new SimpleDistributedProperty<>(name, parser, description);
        p.addListener(makeUpdateListener(CHANGED, log));
        defined.add(new Defined<>(p, initial));
        return () -> p.getOrDefault(initial);
    }

    /**
     * @param name a property {@link #define}d before
     * @param listener told the new value (the initial one when it is cleared) each time it changes on this node
     */
    @SuppressWarnings("unchecked")
    public <T extends Serializable> void listen(String name, Consumer<T> listener) {
        for (Defined<?> d : defined) {
            if (d.property.getName().equals(name)) {
                Defined<T> t = (Defined<T>)d;
                t.property.addListener((n, before, after) -> listener.accept(after == null ? t.initial : after));
                return;
            }
        }
        throw new IllegalArgumentException("No property " + name);
    }

    /**
     * Registers the properties with the node; call while the node starts (from the plugin's {@code initExtensions}),
     * before its distributed metastorage is read.
     */
    public void register(GridKernalContext ctx) {
        ctx.internalSubscriptionProcessor().registerDistributedConfigurationListener(
            new DistributedConfigurationLifecycleListener() {
                @Override public void onReadyToRegister(DistributedPropertyDispatcher dispatcher) {
                    defined.forEach(d -> dispatcher.registerProperty(d.property));
                }

                @Override public void onReadyToWrite() {
                    defined.forEach(d -> d.writeInitial(log));
                }
            });
    }

    /** A property and the value it starts with. */
    private record Defined<T extends Serializable>(SimpleDistributedProperty<T> property, T initial) {
        /** Writes the initial value cluster-wide unless some node wrote one already. */
        void writeInitial(IgniteLogger log) {
            setDefaultValue(property, initial, log);
        }
    }
}
