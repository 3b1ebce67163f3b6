package dev.autopilot.examples.bench;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;

/**
 * How much of each second of a run its readers were allowed to read in ({@link ReadTurns}), sampled: the seconds
 * that throughput is counted over when configurations take turns.
 */
final class ReadSeconds implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long SAMPLE_MILLIS = 50;

    private final int[] allowed;
    private final int[] samples;

    /** @param seconds length of the run */
    ReadSeconds(int seconds) {
        allowed = new int[seconds];
        samples = new int[seconds];
    }

    /** Notes whether reading was allowed at a moment of {@code second}. */
    void sample(int second, boolean allowedNow) {
        if (second < 0 || second >= samples.length)
            return;
        samples[second]++;
        if (allowedNow)
            allowed[second]++;
    }

    /** Samples {@code turns} until {@code endNanos}, on the calling thread. */
    void follow(ReadTurns turns, long startNanos, long endNanos) throws InterruptedException {
        for (long now = System.nanoTime(); now < endNanos; now = System.nanoTime()) {
            sample((int)TimeUnit.NANOSECONDS.toSeconds(now - startNanos), turns.mayRead(System.currentTimeMillis()));
            TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
        }
    }

    /** @return the seconds of {@code [from, to)} reading was allowed in (a second never sampled counts whole) */
    double seconds(int from, int to) {
        double out = 0;
        for (int s = Math.max(0, from); s < Math.min(to, samples.length); s++)
            out += samples[s] == 0 ? 1 : allowed[s] / (double)samples[s];
        return out;
    }
}
