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

import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteRunnable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * What a stopping server sends the others before it goes: hold back Autopilot's background SQL, and let the rounds
 * running now end while it can still answer them. A query that reached the leaving node would otherwise be cancelled
 * when it left, and the node that started the query would log {@code Failed to start query fragment ... The query was
 * cancelled} at ERROR.
 */
final class LeavingServer implements IgniteRunnable {
    private static final long serialVersionUID = 1L;

    private final UUID node;
    private final long timeoutMillis;

    @IgniteInstanceResource
    private transient Ignite ignite;

    LeavingServer(UUID node, long timeoutMillis) {
        this.node = node;
        this.timeoutMillis = timeoutMillis;
    }

    @Override public void run() {
        AutopilotPlugin.of(ignite).node().background().serverLeaving(node, timeoutMillis);
    }
}
