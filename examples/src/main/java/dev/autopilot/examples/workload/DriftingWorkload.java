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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A workload whose mix of queries changes over time: a sequence of {@link WorkloadPhase}s, each dominated by
 * different templates.
 *
 * <p>This is what a self-tuning cluster has to follow: what paid off in one phase (a derived column, an index, a
 * placement) may be useless in the next. Every phase is bounded, so the whole workload ends by itself.
 */
public final class DriftingWorkload {
    private final List<WorkloadPhase> phases;

    private DriftingWorkload(List<WorkloadPhase> phases) {
        this.phases = List.copyOf(phases);
    }

    /** The phases in the order they run; at least one, names distinct. */
    public static DriftingWorkload of(List<WorkloadPhase> phases) {
        if (phases == null || phases.isEmpty())
            throw new IllegalArgumentException("a workload needs at least one phase: " + phases);

        Set<String> names = new HashSet<>();

        for (WorkloadPhase phase : phases) {
            if (!names.add(phase.name()))
                throw new IllegalArgumentException("phase name " + phase.name() + " is used twice");
        }

        return new DriftingWorkload(phases);
    }

    /** A workload built phase by phase. */
    public static Builder builder() {
        return new Builder();
    }

    public List<WorkloadPhase> phases() {
        return phases;
    }

    /** Collects phases in order. */
    public static final class Builder {
        private final List<WorkloadPhase> phases = new ArrayList<>();

        private Builder() {
        }

        public Builder phase(WorkloadPhase phase) {
            phases.add(phase);

            return this;
        }

        public DriftingWorkload build() {
            return of(phases);
        }
    }
}
