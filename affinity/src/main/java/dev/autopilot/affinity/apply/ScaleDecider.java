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

package dev.autopilot.affinity.apply;

import java.util.Locale;

/**
 * Decides when a cache's node set grows by a standby node and when it shrinks again, from the load predicted for the
 * next windows and a fixed capacity per node. A node is added when a window ahead is predicted above what the active
 * nodes carry, at the latest moment that still lets rebalancing end before that window: its start minus the rebalance
 * estimate minus a margin. A node is removed only when the whole horizon ahead fits on one node fewer, so a short dip
 * between two peaks does not cost two changes. Pure Java.
 */
public final class ScaleDecider {
    /** What to do now. */
    public enum Action {
        /** Add the standby node now. */
        ADD,
        /** Remove a node now. */
        REMOVE,
        /** Change nothing now (a change may be due later: see the reason). */
        HOLD
    }

    /**
     * @param action what to do now
     * @param reason why, in words
     * @param predictedLoad the prediction the decision rests on: the first window above capacity for an add or a hold
     *     before one, the horizon's peak otherwise
     * @param capacity what the active nodes carry
     * @param spikeAt start of the window predicted above capacity, 0 if none
     * @param startBy when a change for that window must start, 0 if none
     */
    public record Decision(Action action, String reason, double predictedLoad, double capacity, long spikeAt,
        long startBy) {
    }

    private final double nodeCapacity;
    private final int minNodes;
    private final int maxNodes;
    private final long marginMillis;

    /**
     * @param nodeCapacity load one node carries without queueing, positive
     * @param minNodes fewest nodes, at least 1
     * @param maxNodes most nodes (with the standby ones), at least {@code minNodes}
     * @param marginMillis how much earlier than the estimate requires a change starts, at least 0
     */
    public ScaleDecider(double nodeCapacity, int minNodes, int maxNodes, long marginMillis) {
        if (!(nodeCapacity > 0))
            throw new IllegalArgumentException("nodeCapacity must be positive: " + nodeCapacity);
        if (minNodes < 1 || maxNodes < minNodes)
            throw new IllegalArgumentException("need 1 <= minNodes <= maxNodes: " + minNodes + ", " + maxNodes);
        if (marginMillis < 0)
            throw new IllegalArgumentException("marginMillis must be at least 0: " + marginMillis);
        this.nodeCapacity = nodeCapacity;
        this.minNodes = minNodes;
        this.maxNodes = maxNodes;
        this.marginMillis = marginMillis;
    }

    /**
     * @param now the time of the decision, epoch millis
     * @param activeNodes nodes in the node set now
     * @param outlook the load predicted ahead
     * @param addEstimateMillis how long adding a node would take until its rebalance ends
     */
    public Decision decide(long now, int activeNodes, LoadOutlook outlook, long addEstimateMillis) {
        double capacity = activeNodes * nodeCapacity;
        double[] pred = outlook.predicted();
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] <= capacity)
                continue;
            long spikeAt = outlook.windowStart(i);
            long startBy = spikeAt - addEstimateMillis - marginMillis;
            String what = "window at " + spikeAt + " predicted " + fmt(pred[i]) + ", above the capacity " + fmt(capacity)
                + " of " + activeNodes + " nodes";
            if (activeNodes >= maxNodes)
                return new Decision(Action.HOLD, what + "; no standby node left", pred[i], capacity, spikeAt, startBy);
            String timing = "; rebalance estimated " + addEstimateMillis + " ms plus " + marginMillis
                + " ms margin: start by " + startBy;
            if (now >= startBy)
                return new Decision(Action.ADD, what + timing, pred[i], capacity, spikeAt, startBy);
            return new Decision(Action.HOLD, what + timing + ", not yet", pred[i], capacity, spikeAt, startBy);
        }
        double peak = outlook.peak();
        double fewer = (activeNodes - 1) * nodeCapacity;
        long horizonEnd = outlook.windowStart(pred.length);
        if (activeNodes > minNodes && peak <= fewer) {
            return new Decision(Action.REMOVE, "peak " + fmt(peak) + " predicted until " + horizonEnd + " fits the capacity "
                + fmt(fewer) + " of " + (activeNodes - 1) + " nodes", peak, capacity, 0, 0);
        }
        return new Decision(Action.HOLD, "peak " + fmt(peak) + " predicted until " + horizonEnd + " fits the capacity "
            + fmt(capacity) + " of " + activeNodes + " nodes" + (activeNodes > minNodes ? ", not of one fewer" : ""),
            peak, capacity, 0, 0);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
