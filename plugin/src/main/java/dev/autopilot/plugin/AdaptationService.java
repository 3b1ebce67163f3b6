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

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import dev.autopilot.adaptation.control.AdaptationCommands;
import dev.autopilot.adaptation.manage.AdaptationRunner;
import dev.autopilot.sql.background.BackgroundSql;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.LoggerResource;
import org.apache.ignite.services.Service;

/**
 * The Partition Adaptation Manager: a cluster singleton that carries each adaptation through its steps, starts
 * adaptations of slow tables on its own ({@link AutoAdaptation}) and carries out the commands users give it from SQL
 * ({@link AdaptationCommands}). All it knows is in {@code AUTOPILOT.ADAPTATIONS}, so
 * when its node leaves, the instance Ignite starts elsewhere resumes every unfinished adaptation where the records say
 * it stopped; each instance acts under its own fence token, so two that briefly overlap never both move an adaptation
 * on.
 */
final class AdaptationService implements Service {
    /** The name the service is deployed under. */
    static final String NAME = "autopilot-adaptations";

    private static final long serialVersionUID = 1L;

    private final long pollMillis;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @LoggerResource
    private transient IgniteLogger log;

    private transient volatile boolean cancelled;

    AdaptationService(long pollMillis) {
        this.pollMillis = pollMillis;
    }

    @Override public void cancel() {
        cancelled = true;
    }

    @Override public void execute() throws InterruptedException {
        AutopilotPlugin plugin = AutopilotPlugin.of(ignite);
        AdaptationRunner runner = plugin.node().adaptationRunner(UUID.randomUUID().toString(),
            () -> cancelled || !plugin.node().background().open());
        AutoAdaptation auto = plugin.node().autoAdaptation(plugin);
        AdaptationCommands commands = new AdaptationCommands(ignite, plugin.adaptation(), log);
        // Commands and the manager's own evaluation on threads of their own: a ROLLBACK from SQL must not wait for a
        // fill to end, and neither must the look at the next window, which may take back an adaptation on its way.
        List<Thread> threads = List.of(loopThread(commands::run, "autopilot-adaptation-commands"),
            loopThread(() -> auto.evaluate(System.currentTimeMillis()), "autopilot-adaptation-evaluation"));
        try {
            loop(runner::runUnfinished);
        }
        finally {
            for (Thread t : threads)
                t.interrupt();
            for (Thread t : threads)
                t.join();
        }
    }

    /** @return a started daemon thread that runs {@code work} in a {@link #loop} */
    private Thread loopThread(Runnable work, String name) {
        Thread t = new Thread(() -> loop(work), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Runs {@code work} every {@link #pollMillis} until the service is cancelled or the thread interrupted, when
     * {@link BackgroundSql} lets it.
     */
    private void loop(Runnable work) {
        BackgroundSql background = AutopilotPlugin.of(ignite).node().background();
        while (!cancelled && !Thread.currentThread().isInterrupted()) {
            try {
                background.run(work);
            }
            catch (RuntimeException e) {
                if (!cancelled && !background.stopping())
                    log.warning("Autopilot could not run the adaptations; will retry in " + pollMillis + " ms", e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pollMillis);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
