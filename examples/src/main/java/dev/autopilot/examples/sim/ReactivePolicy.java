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

import java.util.SortedMap;
import java.util.TreeMap;
import dev.autopilot.affinity.plan.PlacementPlanner;
import dev.autopilot.affinity.plan.PlannerSettings;

/**
 * Acts on the last closed window, as CockroachDB's rebalancer and most autoscalers do: moves load off nodes more than
 * 10% above the mean (or over capacity), adds nodes when the observed total outgrows the fleet (they arrive after the
 * provisioning lead) and removes nodes after an hour of observed surplus.
 */
final class ReactivePolicy implements Policy {
    private static final double BAND = 1.1;
    private static final int CALM_WINDOWS = 12;

    private final PartitionLoads loads;
    private final SimulationSettings s;
    private final PlacementPlanner planner;
    private int calm;

    ReactivePolicy(PartitionLoads loads, SimulationSettings s) {
        this.loads = loads;
        this.s = s;
        this.planner = new PlacementPlanner(new PlannerSettings().setBackups(s.backups())
            .setBackupLoadShare(s.backupLoadShare()).setMaxMovesPerStep(s.maxMovesPerStep()));
    }

    @Override public String name() {
        return "reactive";
    }

    @Override public void beforeWindow(int t, Fleet fleet) {
        double[] observed = loads.loads(t - 1);
        double[] nodeLoad = fleet.nodeLoads(observed, s.backupLoadShare());
        double total = 0;
        for (double l : nodeLoad)
            total += l;
        int need = Scaling.nodesFor(total, fleet.capacity(), s.scalingUtilization());
        SortedMap<String, Double> nodes = fleet.active();
        if (need > fleet.billed()) {
            fleet.request(need - fleet.billed(), t + s.provisionLeadWindows());
            calm = 0;
        }
        else if (need < nodes.size() && ++calm >= CALM_WINDOWS) {
            nodes = fleet.without(Scaling.removable(nodes.size(), need), nodeLoad);
            calm = 0;
        }
        else if (need >= nodes.size())
            calm = 0;
        double band = BAND * total / nodes.size();
        SortedMap<String, Double> thresholds = new TreeMap<>();
        for (String id : nodes.keySet())
            thresholds.put(id, Math.min(fleet.capacity(), band));
        fleet.apply(planner.plan(fleet.placement(), thresholds, observed), nodes);
    }
}
