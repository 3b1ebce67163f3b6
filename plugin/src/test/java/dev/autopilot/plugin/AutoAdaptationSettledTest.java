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

package dev.autopilot.plugin;

import java.util.List;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.manage.FillState;
import dev.autopilot.adaptation.manage.Measurement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manager judges a table only on windows that measured its present layout: an adaptation that finished after a
 * window began keeps that window from triggering another one (a drift benchmark trial adapted again on the window that
 * straddled its own cut-over, retiring a column the next window wanted back).
 */
class AutoAdaptationSettledTest {
    private static final String T = "PUBLIC.T";

    @Test
    void anAdaptationFinishedAfterTheWindowBeganKeepsTheTableUnsettled() {
        List<Adaptation> history = List.of(adaptation(AdaptationStep.DONE, Adaptation.COMPLETED, null, 10_000));

        // No minimum interval: only the window's start counts.
        assertFalse(AutoAdaptation.settled(T, history, 20_000, 0, 9_000));
        assertTrue(AutoAdaptation.settled(T, history, 20_000, 0, 10_000));
        assertTrue(AutoAdaptation.settled("PUBLIC.OTHER", history, 20_000, 0, 9_000));
        // A minimum interval longer than the time since the window began.
        assertFalse(AutoAdaptation.settled(T, history, 20_000, 15_000, 12_000));
    }

    @Test
    void anAdaptationTakenBackForANewerProfileDoesNotCount() {
        List<Adaptation> history = List.of(adaptation(AdaptationStep.ROLLED_BACK, Adaptation.ROLLED_BACK,
            Adaptation.SUPERSEDED + ": the workload drifted", 10_000));

        assertTrue(AutoAdaptation.settled(T, history, 20_000, 0, 9_000));
    }

    @Test
    void anAdaptationInFlightKeepsTheTableUnsettledUnlessTheManagerMayTakeItBack() {
        Adaptation filling = adaptation(AdaptationStep.FILLING, null, null, 5_000);

        assertTrue(AutoAdaptation.settled(T, List.of(filling), 20_000, 0, 9_000), "its own, before the cut-over");
        assertFalse(AutoAdaptation.settled(T, List.of(filling.at(AdaptationStep.RETIRING, 6_000)), 20_000, 0, 9_000));
    }

    private static Adaptation adaptation(AdaptationStep step, String outcome, String reason, long updatedAt) {
        return new Adaptation("a1", T, step, FillState.NONE, null, outcome, reason, 1_000, updatedAt, "{}", "{}", "{}",
            "queries took 9 ms", Measurement.expecting(1));
    }
}
