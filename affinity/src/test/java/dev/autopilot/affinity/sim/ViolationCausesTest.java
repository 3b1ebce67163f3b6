package dev.autopilot.affinity.sim;

import java.util.List;
import java.util.Map;
import dev.autopilot.affinity.plan.Placement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViolationCausesTest {
    /** Two nodes of capacity 10, no backups: partitions 0 and 1 on node-00000, partition 2 on node-00001. */
    private static Fleet fleet() {
        Fleet fleet = new Fleet(10, 2);
        fleet.place(new Placement(List.of(List.of("node-00000"), List.of("node-00000"), List.of("node-00001"))));
        return fleet;
    }

    @Test
    void classifiesEachViolatingWindowByTheFirstCauseThatApplies() {
        ViolationCauses causes = new ViolationCauses();
        Fleet fleet = fleet();
        causes.record(fleet, new double[] {4, 4, 4}, new double[] {4, 4, 4}, 0);
        causes.record(fleet, new double[] {11, 0, 1}, new double[] {1, 0, 1}, 0);
        causes.record(fleet, new double[] {7, 7, 8}, new double[] {1, 1, 1}, 0);
        causes.record(fleet, new double[] {6, 6, 1}, new double[] {6, 6, 1}, 0);
        causes.record(fleet, new double[] {6, 6, 1}, new double[] {4, 4, 1}, 0);
        assertEquals(Map.of(ViolationCauses.Cause.HOT_PARTITION, 1, ViolationCauses.Cause.FLEET_SHORT, 1,
            ViolationCauses.Cause.UNRELIEVED, 1, ViolationCauses.Cause.SURGE, 1), causes.windows());
    }
}
