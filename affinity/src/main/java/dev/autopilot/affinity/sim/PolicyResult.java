package dev.autopilot.affinity.sim;

import java.util.Map;

/**
 * What one policy did over the replay.
 *
 * @param policy Policy name.
 * @param violatingWindows Windows in which at least one node's load exceeded its capacity.
 * @param overloadedNodeWindows Node-windows over capacity.
 * @param copies Partition copies built (data moved).
 * @param promotions Backups promoted to primary (no data moved).
 * @param nodeHours Node-hours paid for (booting nodes included).
 * @param peakNodes Most nodes paid for at once.
 * @param causes Violating windows by cause.
 */
record PolicyResult(String policy, int violatingWindows, long overloadedNodeWindows, long copies, long promotions,
    double nodeHours, int peakNodes, Map<ViolationCauses.Cause, Integer> causes) {
}
