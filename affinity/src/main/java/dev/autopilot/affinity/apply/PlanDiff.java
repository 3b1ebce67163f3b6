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

import java.util.ArrayList;
import java.util.List;
import dev.autopilot.affinity.plan.Placement;

/**
 * Which partitions a change of placement makes copy data: those with an owner in the new placement that did not own
 * them before. Promotions (a backup becoming primary) move no data and are not counted. Pure Java.
 */
public final class PlanDiff {
    private PlanDiff() {
    }

    /** @return the partitions that gain an owner, ascending */
    public static List<Integer> gainingOwners(Placement before, Placement after) {
        if (before.partitions() != after.partitions())
            throw new IllegalArgumentException("placements differ in partitions: " + before.partitions() + " and "
                + after.partitions());
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < after.partitions(); p++) {
            if (!before.owners(p).containsAll(after.owners(p)))
                parts.add(p);
        }
        return parts;
    }

    /** @return the rows copied: the partition's rows for each new owner of each partition */
    public static long rowsCopied(Placement before, Placement after, long[] rowsPerPartition) {
        long rows = 0;
        for (int p : gainingOwners(before, after)) {
            for (String owner : after.owners(p)) {
                if (!before.owners(p).contains(owner))
                    rows += rowsPerPartition[p];
            }
        }
        return rows;
    }
}
