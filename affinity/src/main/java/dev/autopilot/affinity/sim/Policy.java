package dev.autopilot.affinity.sim;

/** How a balancer changes the fleet and the placement before each window, knowing only the windows already closed. */
interface Policy {
    String name();

    /** Called at the start of replayed window {@code t}, after booted nodes joined. */
    void beforeWindow(int t, Fleet fleet);
}
