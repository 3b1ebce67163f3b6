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

package dev.autopilot.affinity.apply;

import org.junit.jupiter.api.Test;

import static dev.autopilot.affinity.apply.ScaleDecider.Action.ADD;
import static dev.autopilot.affinity.apply.ScaleDecider.Action.HOLD;
import static dev.autopilot.affinity.apply.ScaleDecider.Action.REMOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleDeciderTest {
    /** 100 per node, 3 to 4 nodes, 500 ms margin; windows of 1 s from t=10,000. */
    private final ScaleDecider decider = new ScaleDecider(100, 3, 4, 500);

    private static LoadOutlook outlook(double... predicted) {
        return new LoadOutlook(10_000, 1_000, predicted);
    }

    @Test
    void addsAtTheLastMomentThatLetsRebalancingEndBeforeTheSpike() {
        LoadOutlook o = outlook(250, 280, 290, 350, 360);
        // the spike window starts at 13,000; 1,500 ms estimate + 500 ms margin: start by 11,000
        ScaleDecider.Decision early = decider.decide(10_999, 3, o, 1_500);
        assertEquals(HOLD, early.action());
        assertEquals(13_000, early.spikeAt());
        assertEquals(11_000, early.startBy());
        ScaleDecider.Decision due = decider.decide(11_000, 3, o, 1_500);
        assertEquals(ADD, due.action());
        assertEquals(350, due.predictedLoad());
        assertEquals(300, due.capacity());
        assertTrue(due.reason().contains("start by 11000"), due.reason());
    }

    @Test
    void aLongerRebalanceEstimateStartsEarlier() {
        LoadOutlook o = outlook(250, 280, 290, 350, 360);
        assertEquals(HOLD, decider.decide(10_000, 3, o, 2_000).action());
        assertEquals(ADD, decider.decide(10_000, 3, o, 2_500).action());
    }

    @Test
    void removesOnlyWhenTheWholeHorizonFitsOnOneNodeFewer() {
        assertEquals(HOLD, decider.decide(10_000, 4, outlook(250, 280, 310, 200), 1_000).action());
        ScaleDecider.Decision d = decider.decide(10_000, 4, outlook(250, 280, 300, 200), 1_000);
        assertEquals(REMOVE, d.action());
        assertEquals(300, d.predictedLoad());
    }

    @Test
    void neverGoesBelowTheMinimumOrAboveTheMaximum() {
        assertEquals(HOLD, decider.decide(10_000, 3, outlook(10, 10), 0).action());
        ScaleDecider.Decision full = decider.decide(10_000, 4, outlook(500), 0);
        assertEquals(HOLD, full.action());
        assertTrue(full.reason().contains("no standby node left"), full.reason());
    }

    @Test
    void rejectsBadSettingsNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScaleDecider(0, 1, 2, 0));
        assertTrue(e.getMessage().contains("nodeCapacity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScaleDecider(1, 3, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScaleDecider(1, 1, 2, -1));
    }
}
