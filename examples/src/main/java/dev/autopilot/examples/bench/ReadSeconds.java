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

import java.io.Serializable;
import java.util.concurrent.TimeUnit;

/**
 * How much of each second of a run its readers were allowed to read in ({@link ReadTurns}), sampled, less what they
 * left unused at the ends of their slices: the seconds that throughput is counted over when configurations take turns.
 */
final class ReadSeconds implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final long SAMPLE_MILLIS = 50;

    private final int readers;
    private final int[] allowed;
    private final int[] samples;
    private final double[] unused;

    /**
     * @param seconds length of the run
     * @param readers reading threads of the run
     */
    ReadSeconds(int seconds, int readers) {
        this.readers = readers;
        allowed = new int[seconds];
        samples = new int[seconds];
        unused = new double[seconds];
    }

    /** Notes whether reading was allowed at a moment of {@code second}. */
    void sample(int second, boolean allowedNow) {
        if (second < 0 || second >= samples.length)
            return;
        samples[second]++;
        if (allowedNow)
            allowed[second]++;
    }

    /**
     * Notes that a reader left its slice unused from {@code fromSecond} of the run on, for {@code seconds}: a query would
     * not have fit in it.
     */
    synchronized void leftUnused(double fromSecond, double seconds) {
        for (double at = fromSecond, end = fromSecond + seconds; at < end; ) {
            int s = (int)Math.floor(at);
            double next = Math.min(end, s + 1);
            if (s >= 0 && s < unused.length)
                unused[s] += next - at;
            at = next;
        }
    }

    /** Samples {@code turns} until {@code endNanos}, on the calling thread. */
    void follow(ReadTurns turns, long startNanos, long endNanos) throws InterruptedException {
        for (long now = System.nanoTime(); now < endNanos; now = System.nanoTime()) {
            sample((int)TimeUnit.NANOSECONDS.toSeconds(now - startNanos), turns.mayRead(System.currentTimeMillis()));
            TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
        }
    }

    /**
     * @return the seconds of {@code [from, to)} reading was allowed in (a second never sampled counts whole), less the
     *     share of them the readers left unused
     */
    synchronized double seconds(int from, int to) {
        double out = 0;
        for (int s = Math.max(0, from); s < Math.min(to, samples.length); s++) {
            double share = samples[s] == 0 ? 1 : allowed[s] / (double)samples[s];
            out += Math.max(0, share - unused[s] / readers);
        }
        return out;
    }
}
