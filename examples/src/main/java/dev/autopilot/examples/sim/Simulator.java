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

import dev.autopilot.affinity.plan.RendezvousPlacement;

/**
 * Replays the partition loads window by window under one policy and scores it: a window violates the SLA when a node
 * carries more than its capacity. Every policy starts from the static fleet and Rendezvous placement; node capacity is
 * set so that the static fleet runs at its configured mean utilization at the replay's peak total load.
 */
final class Simulator {
    private final PartitionLoads loads;
    private final SimulationSettings s;
    private final double capacity;

    Simulator(PartitionLoads loads, SimulationSettings s) {
        this.loads = loads;
        this.s = s;
        double peak = 0;
        for (int t = 0; t < s.windows(); t++) {
            double total = 0;
            for (double l : loads.loads(t))
                total += l;
            peak = Math.max(peak, total);
        }
        capacity = peak * (1 + s.backups() * s.backupLoadShare()) / (s.nodes() * s.staticUtilization());
    }

    double capacity() {
        return capacity;
    }

    PolicyResult run(Policy policy) {
        Fleet fleet = new Fleet(capacity, s.nodes());
        fleet.place(RendezvousPlacement.place(loads.partitions(), fleet.activeIds(), s.backups()));
        int violating = 0;
        long overloaded = 0;
        long billedWindows = 0;
        int peakNodes = 0;
        ViolationCauses causes = new ViolationCauses();
        for (int t = 0; t < s.windows(); t++) {
            fleet.admit(t);
            policy.beforeWindow(t, fleet);
            double[] now = loads.loads(t);
            causes.record(fleet, now, loads.loads(t - 1), s.backupLoadShare());
            int over = 0;
            for (double l : fleet.nodeLoads(now, s.backupLoadShare())) {
                if (l > capacity)
                    over++;
            }
            violating += over > 0 ? 1 : 0;
            overloaded += over;
            billedWindows += fleet.billed();
            peakNodes = Math.max(peakNodes, fleet.billed());
        }
        double nodeHours = billedWindows * s.windowMillis() / 3_600_000.0;
        return new PolicyResult(policy.name(), violating, overloaded, fleet.copies(), fleet.promotions(), nodeHours,
            peakNodes, causes.windows());
    }
}
