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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void smallLatenciesAreExact() {
        LatencyHistogram h = new LatencyHistogram();

        for (int micros = 1; micros <= 20; micros++)
            h.record(micros * 1000L);

        assertEquals(19, h.percentileMicros(0.95));
        assertEquals(10.5, h.meanMicros(), 1e-9);
        assertEquals(20, h.maxMicros());
    }

    @Test
    void largeLatenciesAreWithinThreePercent() {
        LatencyHistogram h = new LatencyHistogram();

        for (long micros = 1; micros <= 100_000; micros++)
            h.record(micros * 1000);

        long p95 = h.percentileMicros(0.95);

        assertTrue(p95 >= 95_000 && p95 <= 95_000 * 1.03, "p95 " + p95);
        assertEquals(100_000, h.percentileMicros(1.0));
    }

    @Test
    void bucketsCoverEveryValueInOrder() {
        long previous = -1;

        for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
            long highest = LatencyHistogram.highestInBucket(i);

            assertTrue(highest > previous, "bucket " + i);
            assertEquals(i, LatencyHistogram.index(highest));
            assertEquals(i, LatencyHistogram.index(previous + 1));

            previous = highest;
        }

        assertEquals(Long.MAX_VALUE, previous);
    }

    @Test
    void addingMergesCountsMeansAndMaxima() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();

        a.record(1_000);
        b.record(3_000);
        b.record(5_000);
        a.add(b);

        assertEquals(3, a.count());
        assertEquals(3.0, a.meanMicros(), 1e-9);
        assertEquals(5, a.maxMicros());
    }
}
