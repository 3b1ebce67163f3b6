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

import java.util.List;

/**
 * One row of {@code AUTOPILOT.PLAN_CHANGES}: a decision to change a node set, why, and (when applied) what the change
 * did. Times are epoch millis; 0 means "not applicable" and is written as SQL NULL.
 *
 * @param changeId unique id: cache, action and decision time
 * @param actualLoad the highest load measured in the windows the prediction was about; NaN until measured
 */
public record PlanChangeRecord(String changeId, String cacheName, String mode, ScaleDecider.Action action,
    String outcome, String reason, List<String> nodesBefore, List<String> nodesAfter, boolean planReused,
    List<Integer> moved, long rowsMoved, double predictedLoad, double capacity, double actualLoad, long spikeAt,
    long decidedAt, long startedAt, long endedAt, long rebalanceEstimateMillis, long rebalanceActualMillis,
    String plan) {
    /** @return this record with its outcome and reason replaced */
    public PlanChangeRecord withOutcome(String outcome, String reason) {
        return new PlanChangeRecord(changeId, cacheName, mode, action, outcome, reason, nodesBefore, nodesAfter,
            planReused, moved, rowsMoved, predictedLoad, capacity, actualLoad, spikeAt, decidedAt, startedAt, endedAt,
            rebalanceEstimateMillis, rebalanceActualMillis, plan);
    }

    /** @return this record with the measured load replaced */
    public PlanChangeRecord withActualLoad(double load) {
        return new PlanChangeRecord(changeId, cacheName, mode, action, outcome, reason, nodesBefore, nodesAfter,
            planReused, moved, rowsMoved, predictedLoad, capacity, load, spikeAt, decidedAt, startedAt, endedAt,
            rebalanceEstimateMillis, rebalanceActualMillis, plan);
    }
}
