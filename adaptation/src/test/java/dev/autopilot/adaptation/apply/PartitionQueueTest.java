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

package dev.autopilot.adaptation.apply;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionQueueTest {
    @Test
    void progressIsTheFirstPartitionNotFilledSoThatAResumeRedoesOnlyWhatWasInFlight() {
        List<Integer> reported = new ArrayList<>();
        PartitionQueue q = new PartitionQueue(2, 6, (next, rows, nice) -> reported.add(next));

        assertEquals(List.of(2, 3, 4), List.of(q.take(), q.take(), q.take()));
        q.filled(3, 10, 0);
        q.filled(4, 10, 0);
        q.filled(2, 10, 0);
        assertEquals(5, q.take());
        q.filled(5, 10, 0);

        assertEquals(List.of(2, 2, 5, 6), reported);
        assertEquals(-1, q.take());
        assertTrue(q.complete());
    }

    @Test
    void rowsAreCountedOverAllThreads() {
        long[] last = new long[1];
        PartitionQueue q = new PartitionQueue(0, 2, (next, rows, nice) -> {
            last[0] = rows;
            return true;
        });
        q.filled(q.take(), 7, 0);
        q.filled(q.take(), 5, 0);

        assertEquals(12, last[0]);
    }

    @Test
    void aProgressThatSaysStopEndsTheFillIncomplete() {
        PartitionQueue q = new PartitionQueue(0, 4, (next, rows, nice) -> false);

        q.filled(q.take(), 1, 0);

        assertEquals(-1, q.take());
        assertFalse(q.complete());
    }
}
