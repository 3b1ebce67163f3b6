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

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle's pacing on a scripted foreground: probe latencies given, pauses recorded, no clock. */
class FillThrottleTest {
    private static final List<Object> KEYS = List.of(1, 2, 3);
    private static final long MS = 1_000_000;

    private final List<Long> pauses = new ArrayList<>();
    private long probeNanos = MS;

    private FillThrottle throttle(double latencyRatio, double niceRatio) {
        return new FillThrottle(new FillSettings(100, 1, latencyRatio, niceRatio), key -> probeNanos, pauses::add);
    }

    @Test
    void pausesTheNiceRatioOfEachBatchWhileTheForegroundIsWithinItsBound() {
        FillThrottle t = throttle(1.25, 0.5);
        t.start(KEYS);
        assertEquals(FillThrottle.BASELINE_PROBES, pauses.size(), "a short gap between baseline probes");
        assertEquals((long)(1.25 * MS), t.boundNanos());
        pauses.clear();
        for (int i = 0; i < 10; i++)
            t.afterBatch(10 * MS, KEYS);
        pauses.forEach(p -> assertEquals(5 * MS, p.longValue()));
        assertEquals(0, t.slowdowns());
    }

    @Test
    void slowsDownWhileTheForegroundIsOverItsBoundAndEasesBackAfterwards() {
        FillThrottle t = throttle(1.25, 0.5);
        t.start(KEYS);
        probeNanos = 3 * MS;
        t.afterBatch(10 * MS, KEYS);
        double first = t.niceRatio();
        t.afterBatch(10 * MS, KEYS);
        assertEquals(1, first);
        assertEquals(2, t.niceRatio(), "doubles while over the bound");
        for (int i = 0; i < 20; i++)
            t.afterBatch(10 * MS, KEYS);
        assertEquals(FillSettings.MAX_NICE_RATIO, t.niceRatio(), "never pauses more than the cap");

        probeNanos = MS;
        for (int i = 0; i < FillThrottle.RECENT_PROBES + 30; i++)
            t.afterBatch(10 * MS, KEYS);
        assertEquals(0.5, t.niceRatio(), 1e-9, "back to the nice ratio once the slow probes are out of the window");
        assertTrue(t.slowdowns() >= 22, "slowdowns: " + t.slowdowns());
    }

    @Test
    void oneSlowProbeAmongManyDoesNotSlowTheFill() {
        FillThrottle t = throttle(1.25, 0.5);
        t.start(KEYS);
        for (int i = 0; i < 20; i++)
            t.afterBatch(10 * MS, KEYS);
        probeNanos = 50 * MS;
        t.afterBatch(10 * MS, KEYS);
        probeNanos = MS;
        t.afterBatch(10 * MS, KEYS);
        assertEquals(0, t.slowdowns(), "a pause of the JVM or of a neighbour is not the fill's doing");
    }

    @Test
    void withoutALatencyBoundItOnlyKeepsTheNiceRatio() {
        FillThrottle t = throttle(0, 0);
        t.start(KEYS);
        probeNanos = 100 * MS;
        t.afterBatch(10 * MS, KEYS);
        assertTrue(pauses.isEmpty(), "no probe, no pause: " + pauses);
        assertEquals(Long.MAX_VALUE, t.boundNanos());
    }

    @Test
    void settingsNameTheBadValue() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new FillSettings(100, 1, 0.5, 0));
        assertTrue(e.getMessage().contains("latencyRatio = 0.5"), e.getMessage());
    }
}
