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
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RebalanceEstimatorTest {
    @Test
    void startsFromTheDefaultRateThenFollowsMeasuredChanges() {
        RebalanceEstimator e = new RebalanceEstimator(400, 10_000);
        assertEquals(400 + 500, e.estimateMillis(5_000));
        e.record(5_000, 400 + 1_000);                        // measured 5,000 rows/s
        assertEquals(5_000, e.rowsPerSecond(), 1e-9);
        assertEquals(400 + 1_000, e.estimateMillis(5_000));
        e.record(10_000, 400 + 1_000);                       // 10,000 rows/s, averaged with the last
        assertEquals(7_500, e.rowsPerSecond(), 1e-9);
        assertEquals(2, e.measured());
    }

    @Test
    void changesThatCopiedNothingTeachNothing() {
        RebalanceEstimator e = new RebalanceEstimator(400, 10_000);
        e.record(0, 3_000);
        e.record(1_000, 300);
        assertEquals(10_000, e.rowsPerSecond(), 1e-9);
        assertEquals(0, e.measured());
    }

    @Test
    void countsRowsOfPartitionsThatGainAnOwnerNotOfPromotions() {
        Placement before = new Placement(List.of(List.of("a", "b"), List.of("b", "c"), List.of("c", "a")));
        Placement after = new Placement(List.of(List.of("b", "a"), List.of("d", "c"), List.of("d", "a")));
        assertEquals(List.of(1, 2), PlanDiff.gainingOwners(before, after));
        assertEquals(20 + 300, PlanDiff.rowsCopied(before, after, new long[] {1, 20, 300}));
    }
}
