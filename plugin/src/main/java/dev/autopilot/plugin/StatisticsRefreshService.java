package dev.autopilot.plugin;

import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.LoggerResource;
import org.apache.ignite.services.Service;

/**
 * Refreshes the statistics, schema profiles and load forecasts of the managed tables on a schedule. A cluster singleton, so that one
 * node samples each table and trains each forecast once per period; if that node leaves, Ignite starts the service on
 * another one, which finds everything it needs in the {@code AUTOPILOT} tables.
 */
final class StatisticsRefreshService implements Service {
    /** The name the service is deployed under. */
    static final String NAME = "autopilot-statistics";

    private static final long serialVersionUID = 1L;

    private final long periodMillis;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @LoggerResource
    private transient IgniteLogger log;

    private transient volatile boolean cancelled;

    StatisticsRefreshService(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    @Override public void cancel() {
        cancelled = true;
    }

    @Override public void execute() throws InterruptedException {
        while (!cancelled) {
            TimeUnit.MILLISECONDS.sleep(periodMillis);
            try {
                AutopilotPlugin.of(ignite).refreshProfiles();
                AutopilotPlugin.of(ignite).refreshForecasts();
            }
            catch (RuntimeException e) {
                if (!cancelled)
                    log.warning("Autopilot could not refresh statistics, profiles or forecasts; will retry in "
                        + periodMillis + " ms", e);
            }
        }
    }
}
