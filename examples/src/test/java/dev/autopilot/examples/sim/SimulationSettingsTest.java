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

package dev.autopilot.examples.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimulationSettingsTest {
    @Test
    void parsesKeyValueArguments() {
        SimulationSettings s = SimulationSettings.parse("nodes=10", "windows=288", "coverage=0.9");
        assertEquals(10, s.nodes());
        assertEquals(160, s.partitions());
        assertEquals(288, s.windows());
        assertEquals(8, s.maxMovesPerStep());
        assertEquals(0.9, s.coverage());
    }

    @Test
    void rejectsUnknownKeysAndBadValuesNamingThem() {
        assertEquals("unknown setting 'node' in 'node=10'",
            assertThrows(IllegalArgumentException.class, () -> SimulationSettings.parse("node=10")).getMessage());
        assertEquals("nodes must be positive: 0",
            assertThrows(IllegalArgumentException.class, () -> SimulationSettings.parse("nodes=0")).getMessage());
        assertEquals("coverage must be in (0, 1): 1.0",
            assertThrows(IllegalArgumentException.class, () -> SimulationSettings.parse("coverage=1")).getMessage());
    }
}
