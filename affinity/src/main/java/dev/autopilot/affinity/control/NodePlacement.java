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
import dev.autopilot.affinity.advise.PlacementAdvice;
import dev.autopilot.affinity.advise.PlacementAdvisor;
import dev.autopilot.affinity.advise.PlacementDecision;
import dev.autopilot.affinity.load.PartitionLoadPublisher;
import dev.autopilot.affinity.load.TableLoadForecasts;
import dev.autopilot.affinity.plan.PlannerSettings;
import dev.autopilot.forecast.ForecastRow;
import org.apache.ignite.Ignite;

/** The {@link PlacementControl} of one node. */
public final class NodePlacement implements PlacementControl {
    /** How far above the mean node load the placement advisor lets a node go before it moves load off it. */
    private static final double HEADROOM = 1.1;

    private final Ignite ignite;
    private final PartitionLoadPublisher partitionLoad;
    private final TableLoadForecasts forecasts;

    public NodePlacement(Ignite ignite, PartitionLoadPublisher partitionLoad, TableLoadForecasts forecasts) {
        this.ignite = ignite;
        this.partitionLoad = partitionLoad;
        this.forecasts = forecasts;
    }

    @Override public int publishPartitionLoad() {
        return partitionLoad.publish();
    }

    @Override public List<PlacementDecision> advisePlacement() {
        return PlacementAdvice.run(ignite, new PlacementAdvisor(new PlannerSettings(), HEADROOM));
    }

    @Override public Map<String, List<ForecastRow>> refreshForecasts() {
        return forecasts.refresh();
    }
}
