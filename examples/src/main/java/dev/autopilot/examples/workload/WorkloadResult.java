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

package dev.autopilot.examples.workload;

import java.util.List;

/**
 * Everything a {@link WorkloadDriver} run measured, phase by phase.
 *
 * @param phases one result per phase, in order
 */
public record WorkloadResult(List<PhaseResult> phases) {
    public WorkloadResult {
        phases = List.copyOf(phases);
    }

    /** Executions over all phases. */
    public long queries() {
        return phases.stream().mapToLong(PhaseResult::queries).sum();
    }

    /** Failed executions over all phases. */
    public long errors() {
        return phases.stream().mapToLong(PhaseResult::errors).sum();
    }
}
