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
