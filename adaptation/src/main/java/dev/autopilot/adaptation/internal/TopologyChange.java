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


package dev.autopilot.adaptation.internal;

import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.internal.cluster.ClusterTopologyCheckedException;
import org.apache.ignite.internal.util.typedef.X;

/**
 * Tells a failure that a node leaving or joining caused from one of the work itself: Ignite reports the first as
 * {@link ClusterTopologyException} (the public form, as a cache operation or a compute job throws it) or
 * {@link ClusterTopologyCheckedException} (the internal form, as a SQL query's fragments throw it when a node they run
 * on leaves), wrapped in whatever the caller's API wraps it in. Tried again once the topology settles, such work
 * succeeds.
 */
public final class TopologyChange {
    private TopologyChange() {
    }

    /** @return whether a change of the cluster's nodes caused {@code e}, anywhere in its chain of causes */
    public static boolean caused(Throwable e) {
        return X.hasCause(e, ClusterTopologyException.class, ClusterTopologyCheckedException.class);
    }
}
