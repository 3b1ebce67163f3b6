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

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HotPartitionsTest {
    private static final boolean[] ALL_PRIMARY = {true, true, true, true, true, true};
    private static final long[] KB = {1024, 1024, 1024, 1024, 1024, 1024};

    @Test
    void choosesPartitionsWithTwiceTheirShareHottestFirst() {
        long[] reads = {10, 300, 10, 500, 10, 10};
        assertEquals(List.of(3, 1), HotPartitions.choose(reads, ALL_PRIMARY, KB, 1 << 20));
    }

    @Test
    void evenReadsChooseNothing() {
        long[] reads = {100, 100, 100, 100, 100, 100};
        assertEquals(List.of(), HotPartitions.choose(reads, ALL_PRIMARY, KB, 1 << 20));
    }

    @Test
    void partitionsOfOtherPrimariesAreNotChosenNorCounted() {
        long[] reads = {0, 300, 0, 500, 0, 0};
        boolean[] primary = {true, true, true, false, true, true};
        assertEquals(List.of(1), HotPartitions.choose(reads, primary, KB, 1 << 20));
    }

    @Test
    void aPartitionThatDoesNotFitIsSkippedForSmallerOnes() {
        long[] reads = {1, 300, 1, 500, 1, 290, 1, 1, 1, 1, 1, 1};
        long[] bytes = {1024, 1024, 1024, 4096, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024};
        boolean[] primary = new boolean[12];
        Arrays.fill(primary, true);
        assertEquals(List.of(1, 5), HotPartitions.choose(reads, primary, bytes, 3000));
    }

    @Test
    void tooFewReadsChooseNothing() {
        long[] reads = {0, 7, 0, 0, 0, 0};
        assertEquals(List.of(), HotPartitions.choose(reads, ALL_PRIMARY, KB, 1 << 20));
    }
}
