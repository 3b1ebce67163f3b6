package dev.autopilot.affinity.sim;

import java.util.SortedMap;
import java.util.TreeMap;
import dev.autopilot.affinity.plan.PlacementPlanner;
import dev.autopilot.affinity.plan.PlannerSettings;
import dev.autopilot.forecast.Forecast;

/**
 * Acts on ml-forecast's forecasts, to be ready before the load arrives rather than after: asks for nodes a
 * provisioning lead ahead of the load predicted to need them (point forecast plus the root-sum-square of the groups'
 * 90% margins, since group errors partly cancel), removes nodes only when the whole horizon is predicted to do without
 * them, and places partitions by the higher of their last load and their point forecast for the next windows, moving
 * only off nodes planned above 1.1 times the mean or above their capacity share.
 */
final class PredictivePolicy implements Policy {
    /** Windows whose predicted peak a placement must absorb: the placement is revised every window. */
    private static final int PLACEMENT_WINDOWS = 2;
    /** Extra windows beyond the provisioning lead that scaling up looks at. */
    private static final int SCALE_UP_SLACK = 2;
    /** How far above the mean predicted load a node may be planned. */
    private static final double BAND = 1.1;

    private final PartitionLoads loads;
    private final GroupForecasts forecasts;
    private final SimulationSettings s;
    private final PlacementPlanner planner;
    private final double[] groupSize;

    PredictivePolicy(PartitionLoads loads, GroupForecasts forecasts, SimulationSettings s) {
        this.loads = loads;
        this.forecasts = forecasts;
        this.s = s;
        this.planner = new PlacementPlanner(new PlannerSettings().setBackups(s.backups())
            .setBackupLoadShare(s.backupLoadShare()).setMaxMovesPerStep(s.maxMovesPerStep())
            .setTargetUtilization(s.placementUtilization()));
        groupSize = new double[loads.groupCount()];
        for (int p = 0; p < loads.partitions(); p++)
            groupSize[loads.groupOf(p)] += loads.size(p);
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
        double[] peak = plannedLoads(f, t);
        if (ahead > fleet.billed())
            fleet.request(ahead - fleet.billed(), t + s.provisionLeadWindows());
        else if (horizonNeed < nodes.size())
            nodes = fleet.without(Scaling.removable(nodes.size(), horizonNeed), fleet.nodeLoads(peak, s.backupLoadShare()));
        fleet.apply(planner.plan(fleet.placement(), thresholds(nodes, peak, fleet.capacity()), peak), nodes);
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
        double[] peak = loads.loads(t - 1);
        for (int p = 0; p < peak.length; p++) {
            Forecast fg = f[loads.groupOf(p)];
            for (int h = 1; h <= Math.min(PLACEMENT_WINDOWS, s.horizon()); h++)
                peak[p] = Math.max(peak[p], loads.size(p) * fg.predicted(h));
        }
        return peak;
    }

    /**
     * Each node's planning threshold: its capacity, or {@value #BAND} times the mean predicted node load when that is
     * lower, so that nodes that just joined take load before the others fill up.
     */
    private SortedMap<String, Double> thresholds(SortedMap<String, Double> nodes, double[] peak, double capacity) {
        double total = 0;
        for (int p = 0; p < peak.length; p++)
            total += peak[p] * (1 + s.backups() * s.backupLoadShare());
        // The planner fills each threshold to the placement utilization only: divide it out so the band stays BAND.
        double band = BAND * total / nodes.size() / s.placementUtilization();
        SortedMap<String, Double> out = new TreeMap<>();
        for (String id : nodes.keySet())
            out.put(id, Math.min(capacity, band));
        return out;
    }
}
