package dev.autopilot.plugin;

import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.LoggerResource;
import org.apache.ignite.services.Service;

/**
 * Runs the placement advisor on a schedule, in dry run ({@link AutopilotPlugin#advisePlacement()}). A cluster
 * singleton, so that each window is decided once; a replacement instance finds what it needs in the {@code AUTOPILOT}
 * tables, and a window already decided is not decided again.
 */
final class PlacementAdviceService implements Service {
    /** The name the service is deployed under. */
    static final String NAME = "autopilot-placement-advice";

    private static final long serialVersionUID = 1L;

    private final long periodMillis;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @LoggerResource
    private transient IgniteLogger log;

    private transient volatile boolean cancelled;

    PlacementAdviceService(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    @Override public void cancel() {
        cancelled = true;
    }

    @Override public void execute() throws InterruptedException {
        while (!cancelled) {
            TimeUnit.MILLISECONDS.sleep(periodMillis);
            try {
                AutopilotPlugin.of(ignite).advisePlacement()
                    .forEach(d -> log.info("Autopilot placement advice (dry run) for " + d.cacheName() + ": "
                        + d.reason()));
            }
            catch (RuntimeException e) {
                if (!cancelled)
                    log.warning("Autopilot could not advise on placement; will retry in " + periodMillis + " ms", e);
            }
        }
    }
}
