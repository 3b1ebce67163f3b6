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

package dev.autopilot.forecast;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.autopilot.forecast.series.TimeSeries;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LoadStoreTest {
    private static final long W = 60_000L;

    @Test
    void windowsCloseWhenTheTickerMovesOn() {
        AtomicLong now = new AtomicLong(10 * W);
        LoadStore store = new LoadStore(now::get, W, 100);
        store.record(3, 5, 1);
        store.record(3, 2, 0);
        assertEquals(0, store.history(3).size());
        now.set(11 * W + 5);
        store.record(3, 4, 4);
        TimeSeries h = store.history(3);
        assertArrayEquals(new double[] {8}, h.values());
        assertEquals(10 * W, h.startMillis());
        now.set(14 * W);
        assertArrayEquals(new double[] {8, 8, 0, 0}, store.history(3).values());
        assertEquals(Set.of(3), store.partitions());
    }

    @Test
    void historyIsBoundedByTheRing() {
        AtomicLong now = new AtomicLong(0);
        LoadStore store = new LoadStore(now::get, W, 5);
        for (int w = 0; w < 20; w++) {
            now.set(w * W);
            store.record(1, w, 0);
        }
        now.set(20 * W);
        assertArrayEquals(new double[] {15, 16, 17, 18, 19}, store.history(1).values());
        assertEquals(15 * W, store.history(1).startMillis());
    }

    @Test
    void countsForPastWindowsAreAddedWhileTheRingHoldsThem() {
        AtomicLong now = new AtomicLong(0);
        LoadStore store = new LoadStore(now::get, W, 3);
        store.recordAt(0, 5 * W, 1, 0);
        store.recordAt(0, 7 * W, 1, 0);
        store.recordAt(0, 6 * W, 2, 0);
        now.set(8 * W);
        assertArrayEquals(new double[] {1, 2, 1}, store.history(0).values());
    }

    @Test
    void lateAndNegativeCountsAreSetAsideNotThrown() {
        LoadSeries s = new LoadSeries(W, 3);
        s.add(10 * W, 1, 1);
        s.add(2 * W, 4, 3);
        s.add(10 * W, -1, 0);
        assertEquals(7, s.droppedLate());
        assertEquals(1, s.rejected());
        assertArrayEquals(new double[] {2}, s.completeWindows(11 * W).values());
    }

    @Test
    void anUnknownPartitionHasAnEmptyHistory() {
        LoadStore store = new LoadStore(() -> 5 * W, W, 10);
        assertEquals(0, store.history(42).size());
    }
}
