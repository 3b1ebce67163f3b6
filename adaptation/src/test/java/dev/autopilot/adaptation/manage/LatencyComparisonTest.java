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

class LatencyComparisonTest {
    @Test
    void templatesAreWeightedByTheirExecutionsBeforeSoThatAMixShiftIsNoRegression() {
        Map<String, TemplateLatency> before = Map.of("fast", new TemplateLatency(90, 1, true),
            "slow", new TemplateLatency(10, 100, true));
        Map<String, TemplateLatency> after = Map.of("fast", new TemplateLatency(10, 1, true),
            "slow", new TemplateLatency(90, 100, true));

        LatencyComparison c = LatencyComparison.of(before, after, 5);

        assertEquals(10.9, c.beforeMs(), 1e-9);
        assertEquals(10.9, c.afterMs(), 1e-9);
        assertFalse(c.regressed(0.1));
    }

    @Test
    void aSlowerTemplateBeyondTheMarginIsARegression() {
        LatencyComparison c = LatencyComparison.of(Map.of("q", new TemplateLatency(50, 4, true)),
            Map.of("q", new TemplateLatency(50, 6, true)), 5);

        assertTrue(c.regressed(0.25));
        assertFalse(c.regressed(0.6));
    }

    @Test
    void templatesThatRanTooRarelyOrOnOneSideOnlyDoNotCount() {
        LatencyComparison c = LatencyComparison.of(Map.of("q", new TemplateLatency(50, 4, true),
            "rare", new TemplateLatency(2, 1, true)), Map.of("rare", new TemplateLatency(50, 90, true),
            "new", new TemplateLatency(50, 90, true)), 5);

        assertEquals(0, c.templates());
        assertTrue(Double.isNaN(c.beforeMs()));
        assertFalse(c.regressed(0));
    }

    @Test
    void aRegressionOfTemplatesThatAreLittleOfTheWorkAfterADriftIsNoVerdict() {
        Map<String, TemplateLatency> before = Map.of("lookup", new TemplateLatency(100, 2, true),
            "oldScan", new TemplateLatency(10, 50, true));
        Map<String, TemplateLatency> after = Map.of("lookup", new TemplateLatency(100, 6, true),
            "newScan", new TemplateLatency(10, 400, true));

        LatencyComparison c = LatencyComparison.of(before, after, 5);

        assertEquals(6, c.afterMs(), 1e-9);
        assertEquals(600.0 / 4600, c.coverage(), 1e-9);
        assertFalse(c.conclusive());
        assertFalse(c.regressed(0.25), "the lookups got slower under the new scans, not because of the change");
    }
}
