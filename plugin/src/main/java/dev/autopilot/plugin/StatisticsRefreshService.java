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
        plugin.profiles().refreshProfiles();
        plugin.placement().refreshForecasts();
    }

    @Override String work() {
        return "refresh statistics, profiles or forecasts";
    }
}
