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

package dev.autopilot.affinity.hot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the partitions whose rows a node keeps in memory ahead of reads: its primary partitions that received at
 * least {@link #HOT_FACTOR} times their mean share of its reads in the last interval (and at least
 * {@link #MIN_READS}), hottest first, as many as fit in the budget. Spread-out reads choose nothing, and the memory
 * then keeps whatever rows were read (Caffeine's own policy).
 */
final class HotPartitions {
    static final double HOT_FACTOR = 2.0;
    static final long MIN_READS = 8;

    private HotPartitions() {
    }

    /**
     * @param reads reads per partition in the last interval
     * @param primary whether this node is primary for each partition
     * @param bytes estimated bytes of each partition's rows
     * @param budget bytes the chosen partitions may take together
     * @return the chosen partitions, hottest first
     */
    static List<Integer> choose(long[] reads, boolean[] primary, long[] bytes, long budget) {
        long total = 0;
        int owned = 0;
        for (int p = 0; p < reads.length; p++) {
            if (primary[p]) {
                total += reads[p];
                owned++;
            }
        }
        if (owned == 0)
            return List.of();
        double threshold = Math.max(MIN_READS, HOT_FACTOR * total / owned);
        List<Integer> hot = new ArrayList<>();
        for (int p = 0; p < reads.length; p++) {
            if (primary[p] && reads[p] >= threshold)
                hot.add(p);
        }
        hot.sort(Comparator.comparingLong((Integer p) -> -reads[p]).thenComparingInt(p -> p));
        List<Integer> chosen = new ArrayList<>();
        long used = 0;
        for (int p : hot) {
            if (used + bytes[p] > budget)
                continue;
            used += bytes[p];
            chosen.add(p);
        }
        return chosen;
    }
}
