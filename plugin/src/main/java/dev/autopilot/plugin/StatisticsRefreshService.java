package dev.autopilot.plugin;

import org.apache.ignite.IgniteLogger;

/**
 * Refreshes the statistics, schema profiles and load forecasts of the managed tables on a schedule, so that one node
 * samples each table and trains each forecast once per period.
 */
final class StatisticsRefreshService extends PeriodicService {
    /** The name the service is deployed under. */
    static final String NAME = "autopilot-statistics";

    private static final long serialVersionUID = 1L;

    StatisticsRefreshService(long periodMillis) {
        super(periodMillis);
    }

    @Override void runOnce(AutopilotPlugin plugin, IgniteLogger log) {
        plugin.refreshProfiles();
        plugin.refreshForecasts();
    }

    @Override String work() {
        return "refresh statistics, profiles or forecasts";
    }
}
