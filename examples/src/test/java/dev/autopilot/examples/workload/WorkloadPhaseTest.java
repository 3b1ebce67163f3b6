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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadPhaseTest {
    private static final TpchTemplates TEMPLATES = TpchTemplates.forScale(0.01);

    @Test
    void aPhaseWithoutBudgetIsRefused() {
        WorkloadPhase.Builder phase = WorkloadPhase.builder("endless").weight(TEMPLATES.all().get(0), 1);

        assertEquals("phase endless needs maxQueries or maxDuration, or it never ends",
            assertThrows(IllegalArgumentException.class, phase::build).getMessage());
    }

    @Test
    void weightsAndBudgetsAreChecked() {
        WorkloadPhase.Builder phase = WorkloadPhase.builder("p");
        QueryTemplate lookup = TEMPLATES.get(TpchTemplates.POINT_LOOKUP);

        assertEquals("weight of point_lookup in phase p must be at least 1: 0",
            assertThrows(IllegalArgumentException.class, () -> phase.weight(lookup, 0)).getMessage());
        assertEquals("maxQueries of phase p must be at least 1: 0",
            assertThrows(IllegalArgumentException.class, () -> phase.maxQueries(0)).getMessage());
        assertEquals("maxDuration of phase p must be positive: PT0S",
            assertThrows(IllegalArgumentException.class, () -> phase.maxDuration(Duration.ZERO)).getMessage());

        phase.weight(lookup, 1);

        assertEquals("template point_lookup is twice in phase p",
            assertThrows(IllegalArgumentException.class, () -> phase.weight(lookup, 2)).getMessage());
    }

    @Test
    void sharesFollowTheWeights() {
        WorkloadPhase phase = WorkloadPhase.builder("p")
            .weight(TEMPLATES.get(TpchTemplates.POINT_LOOKUP), 3)
            .weight(TEMPLATES.get(TpchTemplates.UPDATE_COMMENT), 1)
            .maxQueries(10)
            .build();

        assertEquals(0.75, phase.share(TpchTemplates.POINT_LOOKUP));
        assertEquals(0.0, phase.share(TpchTemplates.SHIPDATE_RANGE));
    }

    @Test
    void theStandardDriftHasThreePhasesWithDifferentLeaders() {
        DriftingWorkload drift = TpchWorkloads.threePhaseDrift(TEMPLATES, 200, Duration.ofSeconds(30));

        assertEquals(List.of(TpchWorkloads.EXPRESSION_FILTERS, TpchWorkloads.BUCKETS_AND_YEARS,
            TpchWorkloads.LOOKUPS_AND_UPDATES), drift.phases().stream().map(WorkloadPhase::name).toList());
        assertEquals(0.5, drift.phases().get(0).share(TpchTemplates.DISCOUNTED_REVENUE_BAND));
        assertEquals(0.45, drift.phases().get(1).share(TpchTemplates.QUANTITY_BUCKET_BY_SHIPMODE));
        assertEquals(0.55, drift.phases().get(2).share(TpchTemplates.POINT_LOOKUP));
    }

    @Test
    void phaseNamesMustDiffer() {
        WorkloadPhase p = WorkloadPhase.builder("same").weight(TEMPLATES.all().get(0), 1).maxQueries(1).build();

        assertEquals("phase name same is used twice",
            assertThrows(IllegalArgumentException.class, () -> DriftingWorkload.of(List.of(p, p))).getMessage());
    }
}
