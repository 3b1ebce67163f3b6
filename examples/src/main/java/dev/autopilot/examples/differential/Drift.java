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


package dev.autopilot.examples.differential;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.plugin.AutopilotPlugin;
import org.apache.ignite.Ignite;

/**
 * Keeps the Autopilot cluster's layouts moving while statements run, on top of what its manager does by itself in
 * AUTO: every period it requests an adaptation to one of a table's profiles (which supersedes the one before), applies
 * a profile at once, rolls an adaptation back, or removes a table's structures, through a node picked at random. So
 * rewrites switch on and off, and statements meet tables in every state: filling, filled, rolling back, bare.
 */
final class Drift implements AutoCloseable {
    private final List<Ignite> nodes;
    private final long periodMillis;
    private final Random rnd;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Integer> done = new TreeMap<>();
    private final Thread thread;
    private int version;

    Drift(List<Ignite> nodes, long periodMillis, long seed) {
        this.nodes = nodes;
        this.periodMillis = periodMillis;
        this.rnd = new Random(seed);
        this.thread = new Thread(this::loop, "differential-drift");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get()) {
            try {
                Thread.sleep(periodMillis);
            }
            catch (InterruptedException e) {
                return;
            }
            String action = step();
            synchronized (done) {
                done.merge(action, 1, Integer::sum);
            }
        }
    }

    /** @return what it did, or tried to do and was refused (a table that is adapting, a table dropped) */
    private String step() {
        AutopilotPlugin ap = AutopilotPlugin.of(nodes.get(rnd.nextInt(nodes.size())));
        String table = ManagedSchema.TABLES.get(rnd.nextInt(ManagedSchema.TABLES.size()));
        String profile = ManagedSchema.profile(table, rnd.nextInt(ManagedSchema.profiles(table)), ++version);
        String action = switch (rnd.nextInt(6)) {
            case 0, 1 -> "request";
            case 2 -> "apply";
            case 3, 4 -> "rollback";
            default -> "remove";
        };
        try {
            switch (action) {
                case "request" -> ap.adaptation().requestAdaptation(profile);
                case "apply" -> ap.adaptation().applyProfile(profile);
                case "rollback" -> {
                    List<Adaptation> all = ap.adaptation().adaptations();
                    if (all.isEmpty())
                        return "rollback (none)";
                    ap.adaptation().rollbackAdaptation(all.get(all.size() - 1 - rnd.nextInt(Math.min(3, all.size()))).id());
                }
                default -> ap.adaptation().removeStructures("PUBLIC." + table);
            }
            return action;
        }
        catch (RuntimeException e) {
            return action + " (refused)";
        }
    }

    /** @return how often it did each thing */
    Map<String, Integer> done() {
        synchronized (done) {
            return new TreeMap<>(done);
        }
    }

    @Override public void close() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(60_000);
    }
}
