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

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code faults.json}: the five counts always, and the reason beside them when the run ended early. */
class FaultResultTest {
    @Test
    void aCompleteRunHasTheFiveCountsOnly() {
        FaultResult r = new FaultResult(31, 0, 0, 0, 0, null);
        assertEquals(List.of("kills", "lost_rows", "wrong_values", "wrong_results", "stuck_adaptations"),
            List.copyOf(r.figures().keySet()));
        assertTrue(r.clean());
    }

    @Test
    void anAbortedRunKeepsWhatItCountedAndSaysWhy() {
        Map<String, Object> f = new FaultResult(7, 1, 0, 2, 0, "node 2 did not join").figures();
        assertEquals(7, f.get("kills"));
        assertEquals(1, f.get("lost_rows"));
        assertEquals(2L, f.get("wrong_results"));
        assertEquals("node 2 did not join", f.get("aborted"));
        assertFalse(new FaultResult(7, 0, 0, 0, 0, "node 2 did not join").clean(), "an aborted run is not clean");
    }
}
