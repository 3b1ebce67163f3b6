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

import java.time.Duration;

/**
 * The drifting TPC-H workload that the demo and the benchmarks replay, so both show the plugin the same story.
 *
 * <p>Phase 1 filters on arithmetic expressions, phase 2 on a quantity bucket with ship mode and on the ship year,
 * phase 3 does key lookups and updates; each phase keeps a little of the others as background.
 */
public final class TpchWorkloads {
    /** Name of the first phase, dominated by expression filters. */
    public static final String EXPRESSION_FILTERS = "expression-filters";

    /** Name of the second phase, dominated by FLOOR/ship mode filters and grouping by ship year. */
    public static final String BUCKETS_AND_YEARS = "buckets-and-years";

    /** Name of the third phase, dominated by point lookups and single-row updates. */
    public static final String LOOKUPS_AND_UPDATES = "lookups-and-updates";

    private TpchWorkloads() {
    }

    /**
     * The three-phase drift; each phase ends after {@code queriesPerPhase} queries or {@code maxPhaseDuration},
     * whichever comes first. A multiple of 20 queries per phase runs the mix exactly.
     */
    public static DriftingWorkload threePhaseDrift(TpchTemplates t, long queriesPerPhase, Duration maxPhaseDuration) {
        return DriftingWorkload.builder()
            .phase(WorkloadPhase.builder(EXPRESSION_FILTERS)
                .weight(t.get(TpchTemplates.DISCOUNTED_REVENUE_BAND), 10)
                .weight(t.get(TpchTemplates.FORECAST_REVENUE_Q6), 6)
                .weight(t.get(TpchTemplates.SHIPDATE_RANGE), 2)
                .weight(t.get(TpchTemplates.POINT_LOOKUP), 2)
                .maxQueries(queriesPerPhase)
                .maxDuration(maxPhaseDuration)
                .build())
            .phase(WorkloadPhase.builder(BUCKETS_AND_YEARS)
                .weight(t.get(TpchTemplates.QUANTITY_BUCKET_BY_SHIPMODE), 9)
                .weight(t.get(TpchTemplates.YEARLY_SHIPMODE_SUMMARY), 6)
                .weight(t.get(TpchTemplates.FLAG_STATUS_BEFORE), 2)
                .weight(t.get(TpchTemplates.PRICING_SUMMARY_Q1), 1)
                .weight(t.get(TpchTemplates.POINT_LOOKUP), 2)
                .maxQueries(queriesPerPhase)
                .maxDuration(maxPhaseDuration)
                .build())
            .phase(WorkloadPhase.builder(LOOKUPS_AND_UPDATES)
                .weight(t.get(TpchTemplates.POINT_LOOKUP), 11)
                .weight(t.get(TpchTemplates.UPDATE_COMMENT), 6)
                .weight(t.get(TpchTemplates.ORDER_PRIORITY_JOIN), 1)
                .weight(t.get(TpchTemplates.SHIPDATE_RANGE), 2)
                .maxQueries(queriesPerPhase)
                .maxDuration(maxPhaseDuration)
                .build())
            .build();
    }
}
