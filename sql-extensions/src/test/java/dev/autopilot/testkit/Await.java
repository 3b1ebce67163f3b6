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

package dev.autopilot.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition instead of sleeping for a guessed time: Ignite does much asynchronously (exchanges, rebalancing,
 * flushes), and a fixed sleep is either too short on a loaded build machine or needlessly long everywhere else. Polls
 * often at first and less often later, and fails with what it waited for once the deadline passed.
 */
public final class Await {
    /** Long enough for an exchange or the rebalancing of a test's data on a loaded two-core build machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} unless it holds within {@link #DEFAULT_TIMEOUT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEFAULT_TIMEOUT);
    }

    /** Returns once {@code condition} holds; fails naming {@code what} unless it holds within {@code timeout}. */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        long start = System.nanoTime();
        long pause = FIRST_PAUSE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos())
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            LockSupport.parkNanos(pause);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what);
            }
            pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
        }
    }
}
