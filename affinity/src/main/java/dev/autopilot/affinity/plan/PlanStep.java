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

package dev.autopilot.affinity.plan;

import java.util.List;

/**
 * The planner's answer: the next placement, the moves that lead to it, and whether every node is then expected to
 * stay within its capacity.
 *
 * @param placement The next placement.
 * @param moves Moves from the current placement, in the order they were chosen.
 * @param withinCapacity Whether every node's predicted load fits its capacity (at the target utilization).
 */
public record PlanStep(Placement placement, List<Move> moves, boolean withinCapacity) {
    /** @return Moves that copy data (what rebalancing costs). */
    public long copies() {
        return moves.stream().filter(m -> m.kind() == Move.Kind.COPY).count();
    }
}
