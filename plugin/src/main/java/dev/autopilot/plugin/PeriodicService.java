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

import java.util.concurrent.TimeUnit;
import dev.autopilot.sql.background.BackgroundSql;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.LoggerResource;
import org.apache.ignite.services.Service;

/**
 * A cluster singleton that does one piece of Autopilot's work every period: one node does it once per period, and if
 * that node leaves, Ignite starts the service on another one, which finds what it needs in the {@code AUTOPILOT}
 * tables. A failed round is logged and tried again a period later; so is one that {@link BackgroundSql} holds back.
 */
abstract class PeriodicService implements Service {
    private static final long serialVersionUID = 1L;

    private final long periodMillis;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @LoggerResource
    private transient IgniteLogger log;

    private transient volatile boolean cancelled;

    PeriodicService(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    /** Does one round of the work. */
    abstract void runOnce(AutopilotPlugin plugin, IgniteLogger log);

    /** @return the node this instance runs on */
    Ignite ignite() {
        return ignite;
    }

    /** @return what the work is, for the log when a round fails */
    abstract String work();

    @Override public void cancel() {
        cancelled = true;
    }

    @Override public void execute() throws InterruptedException {
        while (!cancelled) {
            TimeUnit.MILLISECONDS.sleep(periodMillis);
            AutopilotPlugin plugin = AutopilotPlugin.of(ignite);
            try {
                plugin.node().background().run(() -> runOnce(plugin, log));
            }
            catch (RuntimeException e) {
                if (!cancelled && !plugin.node().background().stopping())
                    log.warning("Autopilot could not " + work() + "; will retry in " + periodMillis + " ms", e);
            }
        }
    }
}
