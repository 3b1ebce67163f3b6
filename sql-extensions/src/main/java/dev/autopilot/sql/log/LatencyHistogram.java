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

package dev.autopilot.sql.log;

import java.util.Arrays;

/**
 * Counts latencies in log-linear buckets (4 per power of two, so within 19% of the true value), small enough to keep
 * one per template and window and to merge across nodes by adding counts. Not thread-safe: callers lock.
 */
final class LatencyHistogram {
    private static final int LINEAR = 16;
    private static final int SUB_BUCKETS = 4;
    private static final int BUCKETS = LINEAR + (63 - 4) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;

    void add(long micros) {
        counts[bucket(Math.max(0, micros))]++;
        total++;
    }

    /** @return the latency below which a fraction {@code q} of the samples fall, at bucket resolution */
    long quantile(double q) {
        if (total == 0)
            return 0;
        long rank = (long)Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts[b];
            if (seen >= rank)
                return upperBound(b);
        }
        return upperBound(BUCKETS - 1);
    }

    long[] counts() {
        return Arrays.copyOf(counts, counts.length);
    }

    static int bucket(long v) {
        if (v < LINEAR)
            return (int)v;
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int)(v >>> (exp - 2)) & (SUB_BUCKETS - 1);
        return LINEAR + (exp - 4) * SUB_BUCKETS + sub;
    }

    static long upperBound(int bucket) {
        if (bucket < LINEAR)
            return bucket;
        int exp = (bucket - LINEAR) / SUB_BUCKETS + 4;
        int sub = (bucket - LINEAR) % SUB_BUCKETS;
        return ((4L + sub + 1) << (exp - 2)) - 1;
    }
}
