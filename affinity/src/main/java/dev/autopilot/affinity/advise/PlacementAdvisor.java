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

package dev.autopilot.affinity.advise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import dev.autopilot.affinity.plan.Move;
import dev.autopilot.affinity.plan.PlacementPlanner;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.affinity.plan.PlanStep;
import dev.autopilot.affinity.plan.PlannerSettings;

/**
 * Decides, from one window of measured per-partition load, whether a cache's placement should change and how: each
 * node may carry up to {@code headroom} times the mean node load; the {@link PlacementPlanner} relieves the nodes above
 * that, promoting backups first and copying partitions only when promotions are not enough, within its move cap. Pure
 * Java: the caller supplies the live placement and the loads.
 */
public final class PlacementAdvisor {
    private final PlannerSettings settings;
    private final double headroom;

    /**
     * @param settings the planner's settings (backups, move cap, backup share of load)
     * @param headroom how far above the mean node load a node may go before load is moved off it, at least 1
     */
    public PlacementAdvisor(PlannerSettings settings, double headroom) {
        if (headroom < 1)
            throw new IllegalArgumentException("headroom must be at least 1: " + headroom);
        this.settings = settings;
        this.headroom = headroom;
    }

    /** @return the share of a partition's load a backup carries */
    public double backupShare() {
        return settings.getBackupLoadShare();
    }

    /**
     * @param live the placement the cache has now, by consistent id
     * @param nodes the consistent ids of the nodes that may own partitions
     * @param load each partition's load in the window (reads + writes, summed over nodes)
     */
    public PlacementDecision decide(String cacheName, long windowStart, long windowEnd, Placement live,
        List<String> nodes, double[] load) {
        double share = settings.getBackupLoadShare();
        Map<String, Double> now = NodeLoads.of(live, load, share, nodes);
        double mean = NodeLoads.mean(now);
        if (mean == 0)
            return new PlacementDecision(cacheName, windowStart, windowEnd, "no load measured", List.of(), live, now, now);
        SortedMap<String, Double> capacities = new TreeMap<>();
        nodes.forEach(n -> capacities.put(n, mean * headroom));
        PlanStep step = new PlacementPlanner(settings).plan(live, capacities, load);
        Map<String, Double> planned = NodeLoads.of(step.placement(), load, share, nodes);
        return new PlacementDecision(cacheName, windowStart, windowEnd, reason(now, planned, mean, step), step.moves(),
            step.placement(), now, planned);
    }

    private String reason(Map<String, Double> now, Map<String, Double> planned, double mean, PlanStep step) {
        String busiest = now.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
        String ratio = String.format(Locale.ROOT, "%.2f", now.get(busiest) / mean);
        if (step.moves().isEmpty()) {
            return now.get(busiest) <= mean * headroom
                ? "balanced: busiest node " + busiest + " at " + ratio + "x the mean load (limit " + headroom + "x)"
                : "node " + busiest + " at " + ratio + "x the mean load, but no move relieves it";
        }
        List<String> parts = new ArrayList<>();
        long promotions = step.moves().stream().filter(m -> m.kind() == Move.Kind.PROMOTE).count();
        parts.add("node " + busiest + " at " + ratio + "x the mean load (limit " + headroom + "x)");
        parts.add(promotions + " backup promotions and " + step.copies() + " copies bring the busiest node to "
            + String.format(Locale.ROOT, "%.2f", NodeLoads.peak(planned) / mean) + "x");
        if (!step.withinCapacity())
            parts.add("still above the limit after the move cap of " + settings.getMaxMovesPerStep());
        return String.join("; ", parts);
    }
}
