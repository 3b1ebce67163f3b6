package dev.autopilot.plugin;

import org.apache.ignite.IgniteLogger;

/**
 * Runs the placement advisor on a schedule, in dry run ({@link AutopilotPlugin#advisePlacement()}), so that each
 * window is decided once; a window already decided is not decided again by a replacement instance.
 */
final class PlacementAdviceService extends PeriodicService {
    /** The name the service is deployed under. */
    static final String NAME = "autopilot-placement-advice";

    private static final long serialVersionUID = 1L;

    PlacementAdviceService(long periodMillis) {
        super(periodMillis);
    }

    @Override void runOnce(AutopilotPlugin plugin, IgniteLogger log) {
        plugin.advisePlacement().forEach(d -> log.info("Autopilot placement advice (dry run) for " + d.cacheName()
            + ": " + d.reason()));
    }

    @Override String work() {
        return "advise on placement";
    }
}
