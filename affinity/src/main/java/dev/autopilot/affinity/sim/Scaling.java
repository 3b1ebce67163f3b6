package dev.autopilot.affinity.sim;

/** Fleet sizing shared by the scaling policies, so that they differ only in what load they size for. */
final class Scaling {
    private static final double MAX_REMOVED_SHARE = 0.05;

    private Scaling() {
    }

    /** Nodes that carry {@code load} at {@code utilization} of {@code capacity} each; at least one. */
    static int nodesFor(double load, double capacity, double utilization) {
        return Math.max(1, (int)Math.ceil(load / (capacity * utilization)));
    }

    /** Nodes to remove when {@code need} would do: at most 5% of the fleet per window, to bound the rebalancing. */
    static int removable(int active, int need) {
        return Math.min(active - need, Math.max(1, (int)Math.ceil(active * MAX_REMOVED_SHARE)));
    }
}
