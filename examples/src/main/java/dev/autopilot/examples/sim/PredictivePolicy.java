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

package dev.autopilot.examples.sim;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import dev.autopilot.affinity.plan.Move;
import dev.autopilot.affinity.plan.PlacementPlanner;
import dev.autopilot.affinity.plan.PlanStep;
import dev.autopilot.affinity.plan.PlannerSettings;
import dev.autopilot.forecast.Forecast;

/**
 * Acts on ml-forecast's forecasts, to be ready before the load arrives rather than after.
 *
 * <p>Fleet: asks for nodes a provisioning lead ahead of the load predicted to need them (point forecast plus the
 * root-sum-square of the groups' interval margins, since group errors partly cancel), and removes nodes only when the
 * whole horizon is predicted to do without them.
 *
 * <p>Placement: what overloads nodes is a group's burst landing on a node that holds much of that group, not the
 * fleet's total (see the README), so every node keeps room for the largest burst one of its groups may make: the
 * group's upper bound above the planned load. The planner balances the planned load (the higher of each partition's
 * last load and its point forecast for the next windows) within 1.1 times the mean and within each node's capacity
 * less that room; the {@link BurstGuard} then moves load off the nodes still without it.
 */
final class PredictivePolicy implements Policy {
    /** Windows whose predicted peak a placement must absorb: the placement is revised every window. */
    private static final int PLACEMENT_WINDOWS = 2;
    /** Extra windows beyond the provisioning lead that scaling up looks at. */
    private static final int SCALE_UP_SLACK = 2;
    /** How far above the mean predicted load a node may be planned. */
    private static final double BAND = 1.1;
    /** The least share of its capacity a node is planned to, however much burst room it needs: keeps ratios finite. */
    private static final double MIN_PLANNED_SHARE = 0.05;

    private final PartitionLoads loads;
    private final GroupForecasts forecasts;
    private final SimulationSettings s;
    private final PlacementPlanner planner;
    private final BurstGuard guard;
    private final double[] groupSize;

    PredictivePolicy(PartitionLoads loads, GroupForecasts forecasts, SimulationSettings s) {
        this.loads = loads;
        this.forecasts = forecasts;
        this.s = s;
        this.planner = new PlacementPlanner(new PlannerSettings().setBackups(s.backups())
            .setBackupLoadShare(s.backupLoadShare()).setMaxMovesPerStep(s.maxMovesPerStep())
            .setTargetUtilization(s.placementUtilization()));
        int[] groupOf = new int[loads.partitions()];
        groupSize = new double[loads.groupCount()];
        for (int p = 0; p < loads.partitions(); p++) {
            groupOf[p] = loads.groupOf(p);
            groupSize[groupOf[p]] += loads.size(p);
        }
        this.guard = new BurstGuard(groupOf, loads.groupCount(), s.backupLoadShare());
    }

    @Override public String name() {
        return "predictive";
    }

    @Override public void beforeWindow(int t, Fleet fleet) {
        Forecast[] f = new Forecast[loads.groupCount()];
        for (int g = 0; g < f.length; g++)
            f[g] = forecasts.at(g, t);
        int[] need = nodesNeeded(f, fleet.capacity());
        int horizons = s.horizon();
        int lead = Math.min(horizons, s.provisionLeadWindows() + 1);
        int ahead = 0;
        for (int h = lead; h <= Math.min(horizons, lead + SCALE_UP_SLACK); h++)
            ahead = Math.max(ahead, need[h]);
        int horizonNeed = 0;
        for (int h = 1; h <= horizons; h++)
            horizonNeed = Math.max(horizonNeed, need[h]);

        SortedMap<String, Double> nodes = fleet.active();
        double[] planned = plannedLoads(f, t);
        double[] burst = bursts(f, planned);
        if (ahead > fleet.billed())
            fleet.request(ahead - fleet.billed(), t + s.provisionLeadWindows());
        else if (horizonNeed < nodes.size()) {
            int removable = Scaling.removable(nodes.size(), horizonNeed);
            nodes = fleet.without(removable, fleet.nodeLoads(planned, s.backupLoadShare()));
        }
        PlanStep step = planner.plan(fleet.placement(), thresholds(nodes, planned, fleet, burst), planned);
        SortedMap<String, Double> capacities = new TreeMap<>();
        for (String id : nodes.keySet())
            capacities.put(id, fleet.capacity());
        int left = Math.max(0, s.maxMovesPerStep() - relieving(step, nodes));
        fleet.apply(guard.guard(step, capacities, planned, burst, left), nodes);
    }

    /** Nodes needed at each horizon (index 1..H) for the point forecast plus the root-sum-square of group margins. */
    private int[] nodesNeeded(Forecast[] f, double capacity) {
        int[] need = new int[s.horizon() + 1];
        double copiesLoad = 1 + s.backups() * s.backupLoadShare();
        for (int h = 1; h <= s.horizon(); h++) {
            double expected = 0;
            double spread = 0;
            for (int g = 0; g < f.length; g++) {
                expected += groupSize[g] * f[g].predicted(h);
                double margin = groupSize[g] * (f[g].upper(h) - f[g].predicted(h));
                spread += margin * margin;
            }
            need[h] = Scaling.nodesFor((expected + Math.sqrt(spread)) * copiesLoad, capacity, s.scalingUtilization());
        }
        return need;
    }

    /** Per partition, the higher of its last load and its point forecast over the next placement windows. */
    private double[] plannedLoads(Forecast[] f, int t) {
        double[] planned = loads.loads(t - 1);
        for (int p = 0; p < planned.length; p++) {
            Forecast fg = f[loads.groupOf(p)];
            for (int h = 1; h <= Math.min(PLACEMENT_WINDOWS, s.horizon()); h++)
                planned[p] = Math.max(planned[p], loads.size(p) * fg.predicted(h));
        }
        return planned;
    }

    /** Per partition, how far its group's upper bound over the next placement windows is above its planned load. */
    private double[] bursts(Forecast[] f, double[] planned) {
        double[] burst = new double[planned.length];
        for (int p = 0; p < planned.length; p++) {
            Forecast fg = f[loads.groupOf(p)];
            for (int h = 1; h <= Math.min(PLACEMENT_WINDOWS, s.horizon()); h++)
                burst[p] = Math.max(burst[p], loads.size(p) * fg.upper(h) - planned[p]);
        }
        return burst;
    }

    /**
     * Each node's planning threshold: its capacity less the room its groups' bursts need on the current placement, or
     * {@value #BAND} times the mean planned node load when that is lower, so that nodes that just joined take load
     * before the others fill up.
     */
    private SortedMap<String, Double> thresholds(SortedMap<String, Double> nodes, double[] planned, Fleet fleet,
        double[] burst) {
        double total = 0;
        for (double l : planned)
            total += l * (1 + s.backups() * s.backupLoadShare());
        // The planner fills each threshold to the placement utilization only: divide it out so the band stays BAND.
        double band = BAND * total / nodes.size() / s.placementUtilization();
        Map<String, Double> room = guard.room(fleet.placement(), burst);
        double capacity = fleet.capacity();
        SortedMap<String, Double> out = new TreeMap<>();
        for (String id : nodes.keySet()) {
            double free = Math.max(MIN_PLANNED_SHARE * capacity, capacity - room.getOrDefault(id, 0.0));
            out.put(id, Math.min(free, band));
        }
        return out;
    }

    /** Moves of the step that relieved a node of the set (not the repairs of copies lost with removed nodes). */
    private static int relieving(PlanStep step, SortedMap<String, Double> nodes) {
        int n = 0;
        for (Move m : step.moves()) {
            if (m.from() != null && nodes.containsKey(m.from()))
                n++;
        }
        return n;
    }
}
