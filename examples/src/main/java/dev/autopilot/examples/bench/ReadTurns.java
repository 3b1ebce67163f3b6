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

package dev.autopilot.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Time slices that configurations running at the same time take turns reading in, by the wall clock they share:
 * configuration {@code turn} of {@code turns} reads in the slices {@code k} with {@code k % turns == turn}.
 * Configurations measured this way see the same minutes of a shared, noisy machine, a slice each at a time, instead of
 * one after the other, and their reads never compete for the CPU. A query starts only if it is expected to end within
 * the slice, so that a slow configuration's scans do not run into the others' turns. While the configuration that
 * adapts holds the turns (a file in the shared folder, there while it holds them: from each phase start for a while,
 * and while an adaptation is on its way), it reads all the time and the others wait: it then notices a phase and
 * adapts beside its own cluster's reads only, as it would on a machine of its own.
 */
final class ReadTurns {
    private static final long HOLD_CHECK_MILLIS = 50;

    /** Reading all the time: a configuration that runs alone. */
    static final ReadTurns ALONE = new ReadTurns(0, 1, 1, 0, null, false);

    private final int turn;
    private final int turns;
    private final long sliceMillis;
    private final long epochMillis;
    private final Path hold;
    private final boolean holder;
    private volatile boolean held;
    private volatile long heldCheckedAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    /**
     * @param turn this configuration's turn
     * @param turns configurations taking turns (1: reads all the time)
     * @param sliceMillis length of a slice
     * @param epochMillis wall-clock time the slices are counted from
     * @param hold the file that is there while the adapting configuration holds the turns, or null
     * @param holder whether this configuration is the one that holds them
     */
    ReadTurns(int turn, int turns, long sliceMillis, long epochMillis, Path hold, boolean holder) {
        if (turns < 1 || turn < 0 || turn >= turns || sliceMillis < 1)
            throw new IllegalArgumentException("turn " + turn + " of " + turns + ", slices of " + sliceMillis + " ms");
        this.turn = turn;
        this.turns = turns;
        this.sliceMillis = sliceMillis;
        this.epochMillis = epochMillis;
        this.hold = hold;
        this.holder = holder;
    }

    /** @return whether this configuration may read at wall-clock time {@code millis} (the hold as it is now) */
    boolean mayRead(long millis) {
        if (turns == 1)
            return true;
        if (held())
            return holder;
        return Math.floorMod(Math.floorDiv(millis - epochMillis, sliceMillis), turns) == turn;
    }

    /**
     * @return whether the turns are held: the holder knows; the others look for the file at most every
     *     {@link #HOLD_CHECK_MILLIS}, not before every read
     */
    private boolean held() {
        if (hold == null || holder)
            return held;
        long now = System.nanoTime();
        if (now - heldCheckedAt >= TimeUnit.MILLISECONDS.toNanos(HOLD_CHECK_MILLIS)) {
            held = Files.exists(hold);
            heldCheckedAt = now;
        }
        return held;
    }

    /**
     * Waits until this configuration may start a query expected to take {@code expectedMillis}: in a slice of its own
     * with that much of it left (so that its queries do not run into another configuration's turn; a query longer than
     * a slice starts at the start of one), or while it holds the turns.
     *
     * @return how much of its own slices it left unused because the query would not have fit, in milliseconds
     */
    long await(long expectedMillis) throws InterruptedException {
        long unused = 0;
        boolean atSliceStart = false;
        for (long now = System.currentTimeMillis(); ; now = System.currentTimeMillis()) {
            long sliceLeft = sliceMillis - Math.floorMod(now - epochMillis, sliceMillis);
            if (mayRead(now)) {
                if (turns == 1 || held() || expectedMillis <= sliceLeft || atSliceStart)
                    return unused;
                unused += sliceLeft;
            }
            TimeUnit.MILLISECONDS.sleep(sliceLeft);
            atSliceStart = true;
        }
    }

    /** Takes the turns of all ({@code true}) or gives them back; only the holder does. */
    void hold(boolean all) {
        if (!holder || hold == null || held == all)
            return;
        try {
            if (all)
                Files.createFile(hold);
            else
                Files.deleteIfExists(hold);
            held = all;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Read turns held by " + hold, e);
        }
    }

    /** @return wall-clock time the turns are counted from: when the workload starts */
    long epochMillis() {
        return epochMillis;
    }

    int turn() {
        return turn;
    }
}
