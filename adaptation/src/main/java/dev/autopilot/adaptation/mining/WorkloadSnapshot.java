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

package dev.autopilot.adaptation.mining;

import java.util.List;

/**
 * One window of observed workload over the managed tables: the input of a profile generation run.
 *
 * @param windowStart start of the window, epoch millis
 * @param windowEnd end of the window (exclusive), epoch millis; also the version of the profiles made from it
 * @param tables the managed tables and their workload
 */
public record WorkloadSnapshot(long windowStart, long windowEnd, List<TableWorkload> tables) {
    public WorkloadSnapshot {
        if (windowEnd <= windowStart)
            throw new IllegalArgumentException("windowEnd = " + windowEnd + " must be after windowStart = "
                + windowStart);
        tables = List.copyOf(tables);
    }

    /** @return the window's length in seconds */
    public double seconds() {
        return (windowEnd - windowStart) / 1000.0;
    }
}
