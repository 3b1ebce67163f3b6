package dev.autopilot.examples.workload;

/**
 * Called by the {@link WorkloadDriver} after each phase, before the next one starts, so a demo can print what the
 * plugin observed and decided while that phase ran. Runs on the thread that called
 * {@link WorkloadDriver#run}; the next phase waits for it.
 */
@FunctionalInterface
public interface PhaseListener {
    void onPhaseEnd(WorkloadPhase phase, PhaseResult result);
}
