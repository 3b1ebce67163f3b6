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

package dev.autopilot.examples.faults;

import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * What the writers were told: per row, every version written to it (acknowledged or not) and the last acknowledged
 * one. One writer owns each row and its versions only grow, so a row read after a write was acknowledged must hold that
 * version or a later one that was written; an older version means an acknowledged write was lost.
 */
final class WriteLedger {
    /** Per row: the last acknowledged version, -1 before any. */
    private final Map<Integer, Long> acked = new ConcurrentHashMap<>();

    /** Per row: every version a writer sent, whatever the answer. */
    private final Map<Integer, NavigableSet<Long>> sent = new ConcurrentHashMap<>();

    /** Records a row loaded before the run at version {@code v}. */
    void loaded(int id, long v) {
        sent(id, v);
        acked.put(id, v);
    }

    /** Records that version {@code v} of row {@code id} is about to be written. */
    void sent(int id, long v) {
        sent.computeIfAbsent(id, k -> new ConcurrentSkipListSet<>()).add(v);
    }

    /** Records that the write of version {@code v} of row {@code id} was acknowledged. */
    void acked(int id, long v) {
        acked.merge(id, v, Math::max);
    }

    /** @return a copy of the last acknowledged version of every row, taken before a check reads the table */
    Map<Integer, Long> ackedNow() {
        return Map.copyOf(acked);
    }

    /** @return whether version {@code v} was ever sent to row {@code id} */
    boolean wasSent(int id, long v) {
        NavigableSet<Long> s = sent.get(id);
        return s != null && s.contains(v);
    }

    /** @return rows acknowledged at least once */
    int rows() {
        return acked.size();
    }
}
