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

package dev.autopilot.assembly;

import java.time.Duration;
import dev.autopilot.examples.cluster.IgniteHome;
import dev.autopilot.examples.cluster.ProcessCluster;
import dev.autopilot.examples.faults.FaultResult;
import dev.autopilot.examples.faults.FaultSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23's fault test, sized for CI: three server nodes as processes from the package's Spring XML, a node killed
 * with SIGKILL at a different step of each of a few adaptations while SQL and key-value writers run and the table is
 * checked continuously. No acknowledged write may be lost, no value or result wrong, no adaptation stuck. The
 * benchmark ({@code dev.autopilot.examples.bench.FaultBenchmark}) runs the same with 30 kills.
 */
@Tag("processes")
class AdaptationFaultsIT {
    private static final int KILLS = 4;

    @Test
    void killsAtAdaptationStepsLoseNothingAndLeaveNoAdaptationStuck() throws Exception {
        IgniteHome home = TestHomes.install("faults");
        ProcessCluster cluster = FaultSession.startCluster(home, TestHomes.runDir("faults-logs"), 3);
        FaultResult r;
        try (cluster) {
            r = FaultSession.run(cluster, 2000, KILLS, Duration.ofMinutes(5), Duration.ofMinutes(12));
        }
        finally {
            TestHomes.assertNoneLeft(cluster.started());
        }
        System.out.println(r);
        assertNull(r.aborted(), "the run ended early");
        assertTrue(r.kills() >= 2, "too few kills: " + r);
        assertEquals(0, r.lostRows(), "lost rows");
        assertEquals(0, r.wrongValues(), "wrong values");
        assertEquals(0, r.wrongResults(), "wrong results");
        assertEquals(0, r.stuckAdaptations(), "stuck adaptations");
    }
}
