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


package dev.autopilot.examples.faults;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import dev.autopilot.adaptation.manage.AdaptationStep;
import org.apache.ignite.Ignite;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;

import static dev.autopilot.sql.tables.AutopilotTables.ADAPTATIONS;

/**
 * The step of each adaptation as its record in {@code AUTOPILOT.ADAPTATIONS} changes, pushed to the control client by
 * a continuous query, so that a node is killed within milliseconds of the step it is meant for: polling over JDBC every
 * 25 ms missed {@code INDEXED} and {@code RETIRING}, which often last less than a poll. The records are also read
 * directly now and then ({@code poll}), in case the client lost its continuous query while it reconnected.
 */
final class StepWatch implements AutoCloseable {
    /** How often the records are read directly while waiting. */
    private static final long POLL_MILLIS = 250;

    /** Per adaptation, every step its record was seen at. */
    private final Map<String, Map<AdaptationStep, Boolean>> seen = new ConcurrentHashMap<>();
    private final Map<String, AdaptationStep> last = new ConcurrentHashMap<>();
    private final Object changed = new Object();
    private final QueryCursor<?> cursor;

    StepWatch(Ignite ignite) {
        ContinuousQuery<Object, BinaryObject> q = new ContinuousQuery<>();
        q.setLocalListener(events -> {
            events.forEach(e -> {
                if (e.getValue() != null)
                    saw(String.valueOf(e.getKey()), AdaptationStep.valueOf(e.getValue().field("STEP")));
            });
        });
        cursor = ADAPTATIONS.cache(ignite).query(q);
    }

    /**
     * Waits until adaptation {@code id} was seen at {@code target} or a later step, or finished.
     *
     * @param poll reads the step from the table, {@code null} when it cannot now
     * @return the step it is at now, as last seen
     * @throws IllegalStateException when it was not within {@code timeout}
     */
    AdaptationStep await(String id, AdaptationStep target, Duration timeout, Function<String, String> poll)
        throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextPoll = System.nanoTime();
        while (true) {
            if (System.nanoTime() - nextPoll >= 0) {
                String s = poll.apply(id);
                if (s != null)
                    saw(id, AdaptationStep.valueOf(s));
                nextPoll = System.nanoTime() + POLL_MILLIS * 1_000_000;
            }
            synchronized (changed) {
                Map<AdaptationStep, Boolean> steps = seen.getOrDefault(id, Map.of());
                if (steps.keySet().stream().anyMatch(s -> s.finished() || s.ordinal() >= target.ordinal()))
                    return last.get(id);
                if (System.nanoTime() - deadline > 0)
                    throw new IllegalStateException("Adaptation " + id + " not at " + target + " within " + timeout);
                changed.wait(POLL_MILLIS);
            }
        }
    }

    private void saw(String id, AdaptationStep step) {
        synchronized (changed) {
            seen.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(step, true);
            AdaptationStep before = last.get(id);
            // A poll may read a record older than the one the continuous query pushed: keep the furthest.
            if (before == null || !before.finished() && (step.finished() || step.ordinal() > before.ordinal()))
                last.put(id, step);
            changed.notifyAll();
        }
    }

    @Override public void close() {
        cursor.close();
    }
}
