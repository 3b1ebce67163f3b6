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

package dev.autopilot.adaptation.apply;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Paces a fill so that the foreground stays within a latency bound, as gh-ost paces a migration: after every batch it
 * pauses for a share of the batch's time (the nice ratio), and it probes the foreground with a point read of a row it
 * just filled. Before the first batch it takes the probes' 90th percentile as the baseline; whenever the 90th
 * percentile of the recent probes exceeds {@code latencyRatio} times that, it doubles its pauses (up to
 * {@link FillSettings#MAX_NICE_RATIO}), and while they stay within it, it eases back towards the configured nice ratio.
 * The 90th percentile rather than the 99th: over the few probes a fill can afford the 99th is their maximum, which one
 * garbage collection or one busy neighbour on the machine sets, and a throttle that reacts to those never lets the
 * fill run. The foreground's own p99 is what the migration benchmark measures.
 */
public final class FillThrottle {
    /** Probes taken before the first batch, for the baseline. */
    static final int BASELINE_PROBES = 40;

    /** Recent probes whose 90th percentile is compared with the bound. */
    static final int RECENT_PROBES = 100;

    /** Pause between two baseline probes, so that they sample the foreground rather than one instant of it. */
    private static final long BASELINE_PROBE_GAP_MILLIS = 5;

    private final FillSettings settings;
    private final ToLongFunction<Object> probe;
    private final Sleeper sleeper;
    private final long[] recent = new long[RECENT_PROBES];
    private int probes;
    private long boundNanos = Long.MAX_VALUE;
    private double nice;
    private long slowdowns;

    /**
     * @param settings the bound and the nice ratio
     * @param probe reads the row of a key, returns how long that took in nanoseconds
     * @param sleeper pauses the fill
     */
    public FillThrottle(FillSettings settings, ToLongFunction<Object> probe, Sleeper sleeper) {
        this.settings = settings;
        this.probe = probe;
        this.sleeper = sleeper;
        this.nice = settings.niceRatio();
    }

    /** Measures the foreground before the fill, on rows about to be filled (none: no latency check). */
    public void start(List<Object> keys) {
        if (settings.latencyRatio() == 0 || keys.isEmpty())
            return;
        long[] base = new long[BASELINE_PROBES];
        for (int i = 0; i < base.length; i++) {
            base[i] = probe.applyAsLong(keys.get(i % keys.size()));
            sleeper.sleepNanos(TimeUnit.MILLISECONDS.toNanos(BASELINE_PROBE_GAP_MILLIS));
        }
        boundNanos = (long)(p90(base, base.length) * settings.latencyRatio());
    }

    /**
     * Probes the foreground and pauses the fill.
     *
     * @param batchNanos how long the batch just run took
     * @param keys the keys of that batch
     */
    public void afterBatch(long batchNanos, List<Object> keys) {
        if (boundNanos != Long.MAX_VALUE && !keys.isEmpty()) {
            recent[probes % RECENT_PROBES] = probe.applyAsLong(keys.get(probes % keys.size()));
            probes++;
            if (p90(recent, Math.min(probes, RECENT_PROBES)) > boundNanos) {
                nice = Math.min(FillSettings.MAX_NICE_RATIO, Math.max(2 * nice, 1));
                slowdowns++;
            }
            else
                nice = Math.max(settings.niceRatio(), nice * 0.75);
        }
        long pause = (long)(nice * batchNanos);
        if (pause > 0)
            sleeper.sleepNanos(pause);
    }

    /** @return the 90th percentile of probes that the fill keeps under, in nanoseconds ({@code Long.MAX_VALUE}: none) */
    public long boundNanos() {
        return boundNanos;
    }

    /** @return the pause after each batch now, as a share of the batch's time */
    public double niceRatio() {
        return nice;
    }

    /** @return how many times the fill slowed down because the foreground was over the bound */
    public long slowdowns() {
        return slowdowns;
    }

    private static long p90(long[] values, int n) {
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int)Math.ceil(n * 0.9) - 1)];
    }

    /** Pauses the calling thread; a fake one in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** Pauses for {@code nanos}; an interrupt ends the fill. */
        void sleepNanos(long nanos);

        /** The real one: an interrupt stops the fill with its flag kept. */
        Sleeper THREAD = nanos -> {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Fill interrupted", e);
            }
        };
    }
}
