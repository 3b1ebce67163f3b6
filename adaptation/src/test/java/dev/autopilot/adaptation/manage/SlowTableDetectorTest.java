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

package dev.autopilot.adaptation.manage;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowTableDetectorTest {
    private final SlowTableDetector detector = new SlowTableDetector(10, 2, 0.8);

    @Test
    void aTableIsSlowAfterTheConfiguredSlowWindowsInARow() {
        assertFalse(detector.observe("T", 12));
        assertTrue(detector.observe("T", 15));
        assertTrue(detector.observe("T", 11));
        assertFalse(detector.observe("U", 11), "tables are counted apart");
    }

    @Test
    void latencyInTheHysteresisBandNeitherCountsNorBreaksTheStreak() {
        assertFalse(detector.observe("T", 12));
        assertFalse(detector.observe("T", 9));
        assertTrue(detector.observe("T", 12), "9 ms is above 0.8 x 10 ms: the streak went on");
    }

    @Test
    void aClearlyFastWindowOrAResetEndsTheStreak() {
        detector.observe("T", 12);
        assertFalse(detector.observe("T", 7));
        assertFalse(detector.observe("T", 12));
        assertTrue(detector.observe("T", 12));
        detector.reset("T");
        assertFalse(detector.observe("T", 12));
    }

    @Test
    void windowsWithoutReadsChangeNothing() {
        detector.observe("T", 12);
        assertFalse(detector.observe("T", Double.NaN));
        assertTrue(detector.observe("T", 12));
    }

    @Test
    void manyFastQueriesDoNotHideASlowTemplate() {
        double latency = SlowTableDetector.readLatency(Map.of("fast", new TemplateLatency(300, 3, true),
            "slow", new TemplateLatency(50, 36, true), "write", new TemplateLatency(1000, 500, false)));
        assertEquals((300 * 3 * 3 + 50 * 36 * 36) / (300 * 3 + 50 * 36.0), latency, 1e-9);
        assertTrue((300 * 3 + 50 * 36) / 350.0 < 10, "the per-execution mean is below the 10 ms threshold");
        detector.observe("T", latency);
        assertTrue(detector.observe("T", latency), latency + " ms is slow");
    }

    @Test
    void aTableWithoutReadsHasNoLatency() {
        assertTrue(Double.isNaN(SlowTableDetector.readLatency(Map.of("write", new TemplateLatency(9, 5, false)))));
        assertEquals(0, SlowTableDetector.readLatency(Map.of("instant", new TemplateLatency(9, 0, true))));
    }
}
