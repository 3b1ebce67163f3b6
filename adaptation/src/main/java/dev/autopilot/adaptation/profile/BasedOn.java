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

package dev.autopilot.adaptation.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The observations a profile was computed from, so that a profile can be judged against the workload it saw.
 *
 * @param windowStart start of the query-log window, epoch millis
 * @param windowEnd end of the window (exclusive), epoch millis
 * @param queries executions of statements on the table in the window
 */
public record BasedOn(
    @JsonProperty("window_start") Long windowStart,
    @JsonProperty("window_end") Long windowEnd,
    @JsonProperty("queries") Long queries
) {
}
