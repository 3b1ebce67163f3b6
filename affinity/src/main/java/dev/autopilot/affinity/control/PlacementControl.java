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

package dev.autopilot.affinity.control;

import java.util.List;
import java.util.Map;
import dev.autopilot.affinity.advise.PlacementDecision;
import dev.autopilot.forecast.ForecastRow;

/**
 * The load Autopilot measures and forecasts, and the placement it advises from them, on demand (cluster singletons
 * also do each on a schedule).
 */
public interface PlacementControl {
    /**
     * Writes the reads and writes this node counted per partition (caches with a
     * {@code dev.autopilot.affinity.hot.HotRowInterceptor}) to {@code AUTOPILOT.PARTITION_LOAD} now, closing the
     * current window early; it is otherwise written at the end of every query-log window.
     *
     * @return rows written
     */
    int publishPartitionLoad();

    /**
     * Runs the placement advisor once, in dry run: for every cache in the latest window of
     * {@code AUTOPILOT.PARTITION_LOAD}, which partitions it would move and why, recorded in
     * {@code AUTOPILOT.PLACEMENT_DECISIONS}. Nothing is moved.
     *
     * @return the decisions recorded (none for a window decided before)
     */
    List<PlacementDecision> advisePlacement();

    /**
     * Retrains the load forecast of every table from its statements per window in {@code AUTOPILOT.TABLE_ACCESS} and
     * writes the forecasts to {@code AUTOPILOT.LOAD_FORECASTS}.
     *
     * @return the forecasts, by table
     */
    Map<String, List<ForecastRow>> refreshForecasts();
}
