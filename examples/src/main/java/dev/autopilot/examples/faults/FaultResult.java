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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fault run found, written as {@code faults.json}: the kills made, and what went wrong for the data (lost
 * rows, wrong values, wrong results) and for the adaptations (those that reached no end within the bound, or ended
 * FAILED); {@code aborted} says why the run ended early, {@code null} when it ran to its end.
 */
public record FaultResult(int kills, int lostRows, int wrongValues, long wrongResults, int stuckAdaptations,
    String aborted) {
    /** @return the result of a run that ended before anything was counted, for {@code why} */
    public static FaultResult abortedBeforeStart(Throwable why) {
        return new FaultResult(0, 0, 0, 0, 0, String.valueOf(why));
    }

    /**
     * @return {@code kills}, {@code lost_rows}, {@code wrong_values}, {@code wrong_results}, {@code stuck_adaptations},
     *     and {@code aborted} with the reason when the run ended early, as {@code faults.json} holds them
     */
    public Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kills", kills);
        f.put("lost_rows", lostRows);
        f.put("wrong_values", wrongValues);
        f.put("wrong_results", wrongResults);
        f.put("stuck_adaptations", stuckAdaptations);
        if (aborted != null)
            f.put("aborted", aborted);
        return f;
    }

    /** @return whether the run ran to its end and nothing went wrong */
    public boolean clean() {
        return aborted == null && lostRows == 0 && wrongValues == 0 && wrongResults == 0 && stuckAdaptations == 0;
    }
}
