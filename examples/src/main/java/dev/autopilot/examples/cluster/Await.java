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

package dev.autopilot.examples.cluster;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a condition with a deadline, asking again every few milliseconds: processes, clusters and adaptations
 * change on their own schedule, and a fixed sleep would either waste time or be too short on a busy machine.
 */
public final class Await {
    private static final long POLL_MILLIS = 25;

    private Await() {
    }

    /**
     * @param what what is awaited, for the timeout's message
     * @param timeout how long at most
     * @param condition asked until it returns {@code true}; an exception counts as {@code false} (a node that is not
     *     up yet refuses connections)
     * @throws IllegalStateException on timeout, with the last exception as the cause
     */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, POLL_MILLIS, condition);
    }

    /**
     * Like {@link #until(String, Duration, Callable)}, asking every {@code pollMillis}: for conditions that cost a
     * connection to ask, on nodes that are busy starting.
     */
    public static void until(String what, Duration timeout, long pollMillis, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call()))
                    return;
                last = null;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
            catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0)
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what, last);
            pause(pollMillis);
        }
    }

    /** Sleeps between two polls; an interrupt ends the wait with an exception. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
