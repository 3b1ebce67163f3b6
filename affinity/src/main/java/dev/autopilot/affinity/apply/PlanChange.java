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
import dev.autopilot.affinity.plan.Placement;

/**
 * What one change of node set did: from which nodes to which, under which plan, what moved, and how long it took
 * until rebalancing ended.
 *
 * @param outcome how it ended
 * @param note what happened, in words (why it was interrupted, what the cluster follows afterwards)
 * @param nodesBefore consistent ids of the node set before, sorted
 * @param nodesAfter consistent ids of the node set the change aimed at, sorted
 * @param plan the plan published (or found) for {@code nodesAfter}
 * @param planReused whether the plan was already stored for that node set (published by an earlier change)
 * @param moved partitions that gained an owner
 * @param rowsMoved rows copied to new owners
 * @param startedAt when the change started, epoch millis
 * @param endedAt when rebalancing ended on every node (or the change gave up), epoch millis
 */
public record PlanChange(Outcome outcome, String note, List<String> nodesBefore, List<String> nodesAfter,
    Placement plan, boolean planReused, List<Integer> moved, long rowsMoved, long startedAt, long endedAt) {
    /** How a change ended. */
    public enum Outcome {
        /** The node set and its plan are in force and rebalancing ended. */
        DONE,
        /** Another node left during the change; the cluster settled on the node set that remained. */
        INTERRUPTED
    }

    /** @return milliseconds from the start of the change to the end of rebalancing */
    public long millis() {
        return endedAt - startedAt;
    }
}
