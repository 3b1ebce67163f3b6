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

import java.util.function.BooleanSupplier;
import org.apache.ignite.internal.GridKernalContext;

/**
 * Whether a node has finished the exchange of the topology it sees (Ignite 2.17 internals). Discovery drops a node
 * that left, or adds one that joined, before the partition exchange ends; until it ends, a query is mapped on the
 * topology before the change, so one that reaches a node that left is cancelled, and its local fragment is logged at
 * ERROR ({@code Failed to start query fragment ... The query was cancelled}).
 */
public final class TopologyExchange {
    private TopologyExchange() {
    }

    /** @return whether the node of {@code ctx} has finished the exchange of the topology its discovery sees now */
    public static BooleanSupplier finished(GridKernalContext ctx) {
        return () -> ctx.cache().context().exchange().readyAffinityVersion().topologyVersion()
            >= ctx.discovery().topologyVersion();
    }
}
