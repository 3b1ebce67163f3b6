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

package dev.autopilot.examples.workload;

import java.io.Serializable;

/**
 * Client-side latencies in microseconds, kept in log-linear buckets (32 per power of two, so within ~3%) so that a
 * long phase costs a fixed 15 KB per template and thread instead of one number per query.
 */
public final class LatencyHistogram implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final int SUB_BITS = 5;

    private static final int SUB_COUNT = 1 << SUB_BITS;

    /** Values below this are counted exactly. */
    private static final int EXACT_LIMIT = 2 * SUB_COUNT;

    static final int BUCKETS = EXACT_LIMIT + (63 - (SUB_BITS + 1)) * SUB_COUNT;

    private final long[] counts = new long[BUCKETS];

    private long count;

    private long sumNanos;

    private long maxMicros;

    public void record(long nanos) {
        long micros = Math.max(0, nanos) / 1000;

        counts[index(micros)]++;
        count++;
        sumNanos += Math.max(0, nanos);
        maxMicros = Math.max(maxMicros, micros);
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++)
            counts[i] += other.counts[i];

        count += other.count;
        sumNanos += other.sumNanos;
        maxMicros = Math.max(maxMicros, other.maxMicros);
    }

    public long count() {
        return count;
    }

    public double meanMicros() {
        return count == 0 ? 0 : sumNanos / 1000.0 / count;
    }

    public long maxMicros() {
        return maxMicros;
    }

    /** The smallest bucket bound that at least {@code quantile} of the values do not exceed (capped at the max). */
    public long percentileMicros(double quantile) {
        if (count == 0)
            return 0;

        long rank = Math.max(1, (long)Math.ceil(quantile * count));
        long seen = 0;

        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];

            if (seen >= rank)
                return Math.min(highestInBucket(i), maxMicros);
        }

        return maxMicros;
    }

    static int index(long micros) {
        if (micros < EXACT_LIMIT)
            return (int)micros;

        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        int shift = exponent - SUB_BITS;
        int sub = (int)(micros >>> shift) - SUB_COUNT;

        return EXACT_LIMIT + (exponent - (SUB_BITS + 1)) * SUB_COUNT + sub;
    }

    static long highestInBucket(int index) {
        if (index < EXACT_LIMIT)
            return index;

        int k = index - EXACT_LIMIT;
        int exponent = SUB_BITS + 1 + k / SUB_COUNT;
        int shift = exponent - SUB_BITS;
        long sub = k % SUB_COUNT;

        return ((SUB_COUNT + sub + 1) << shift) - 1;
    }
}
