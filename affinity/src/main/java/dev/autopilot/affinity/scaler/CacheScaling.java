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

package dev.autopilot.affinity.scaler;

import java.util.EnumSet;
import java.util.Optional;
import dev.autopilot.affinity.PredictiveAffinityFunction;
import dev.autopilot.affinity.apply.BaselinePlanExecutor;
import dev.autopilot.affinity.apply.LoadOutlook;
import dev.autopilot.affinity.apply.PlanChangeLog;
import dev.autopilot.affinity.apply.PlanChangeRecord;
import dev.autopilot.affinity.apply.RebalanceEstimator;
import dev.autopilot.affinity.apply.ScaleDecider;
import dev.autopilot.affinity.apply.StandbyScaler;
import dev.autopilot.affinity.plan.PlannerSettings;
import dev.autopilot.forecast.Forecast;
import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.Forecaster;
import dev.autopilot.forecast.model.Regressor;
import dev.autopilot.forecast.series.TimeSeries;
import org.apache.ignite.Ignite;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The {@link StandbyScaler} of one cache, fed each round with the cache's load from {@code AUTOPILOT.PARTITION_LOAD}:
 * the measured windows it has not seen yet ({@code observe}), then a forecast of the windows ahead ({@code step}).
 * The forecast retrains each round on the recent windows with ml-forecast's baselines (last value, seasonal naive,
 * Holt-Winters), which cost milliseconds; the learned models would need a training budget per round.
 */
final class CacheScaling {
    /** How far above the mean predicted node load a plan lets a node go, as for the placement advisor. */
    private static final double HEADROOM = 1.1;

    /** How long an add waits for rebalancing to end before it is recorded as failed. */
    private static final long REBALANCE_TIMEOUT_MILLIS = 10 * 60_000;

    /** The rebalance estimator's start: the exchanges' fixed cost, and rows copied per second. */
    private static final long REBALANCE_FIXED_MILLIS = 800;
    private static final double REBALANCE_ROWS_PER_SECOND = 20_000;

    private final Ignite ignite;
    private final String cacheName;
    private final int partitions;
    private final long windowMillis;
    private final int historyWindows;
    private final ForecastSettings forecastSettings;
    private final StandbyScaler scaler;
    private long observedUntil = Long.MIN_VALUE;

    private CacheScaling(Ignite ignite, String cacheName, int partitions, long windowMillis, int historyWindows,
        ForecastSettings forecastSettings, StandbyScaler scaler) {
        this.ignite = ignite;
        this.cacheName = cacheName;
        this.partitions = partitions;
        this.windowMillis = windowMillis;
        this.historyWindows = historyWindows;
        this.forecastSettings = forecastSettings;
        this.scaler = scaler;
    }

    /**
     * @throws IllegalStateException when the cache does not exist or does not use {@link PredictiveAffinityFunction},
     *     or in {@code APPLY} mode when baseline auto-adjust is on
     * @param mode DRY_RUN or APPLY, as the cluster holds it now (it may differ from {@code cfg}'s)
     */
    @SuppressWarnings("unchecked")
    static CacheScaling of(Ignite ignite, String cacheName, StandbyScalerConfiguration cfg, StandbyScalerMode mode,
        long windowMillis, BaselinePlanExecutor.NodeStopper stopper) {
        if (ignite.cache(cacheName) == null)
            throw new IllegalStateException("the standby scaler's cache " + cacheName + " does not exist");
        CacheConfiguration<?, ?> cc = ignite.cache(cacheName).getConfiguration(CacheConfiguration.class);
        if (!(cc.getAffinity() instanceof PredictiveAffinityFunction f))
            throw new IllegalStateException("the standby scaler's cache " + cacheName + " does not use "
                + "PredictiveAffinityFunction: its node set cannot follow a plan");
        if (mode == StandbyScalerMode.APPLY && ignite.cluster().isBaselineAutoAdjustEnabled())
            throw new IllegalStateException("the standby scaler changes the baseline only with baseline auto-adjust "
                + "off, or standby nodes would join it on their own: "
                + "ignite.cluster().baselineAutoAdjustEnabled(false)");
        StandbyScaler scaler = new StandbyScaler(cacheName, mode == StandbyScalerMode.APPLY ? StandbyScaler.Mode.APPLY
            : StandbyScaler.Mode.DRY_RUN,
            new BaselinePlanExecutor(ignite, cacheName, f.getPlanName(), REBALANCE_TIMEOUT_MILLIS),
            new ScaleDecider(cfg.getNodeCapacity(), cfg.getMinNodes(), cfg.getMaxNodes(),
                cfg.getMarginSeconds() * 1000L),
            new RebalanceEstimator(REBALANCE_FIXED_MILLIS, REBALANCE_ROWS_PER_SECOND), new PlanChangeLog(ignite),
            new PlannerSettings().setBackups(cc.getBackups()), HEADROOM, stopper);
        ForecastSettings forecast = ForecastSettings.builder().horizon(cfg.getForecastHorizon())
            .regressors(EnumSet.noneOf(Regressor.class)).build();
        return new CacheScaling(ignite, cacheName, f.partitions(), windowMillis, cfg.getHistoryWindows(), forecast,
            scaler);
    }

    /**
     * One round: the windows closed since the last round go to {@code observe}, then the scaler decides from the
     * forecast of the windows after {@code lastClosed}.
     *
     * @param lastClosed start of the newest window every node has written to {@code PARTITION_LOAD}
     * @return the change decided, if any
     */
    Optional<PlanChangeRecord> round(long now, long lastClosed) throws Exception {
        CacheLoadHistory history = CacheLoadHistory.read(ignite, cacheName, partitions, windowMillis, lastClosed,
            historyWindows);
        TimeSeries load = history.load();
        for (int i = 0; i < load.size(); i++) {
            if (load.timeOf(i) > observedUntil) {
                scaler.observe(load.timeOf(i), load.value(i));
                observedUntil = load.timeOf(i);
            }
        }
        if (load.size() < 2)
            return Optional.empty();
        Forecaster forecaster = Forecaster.train(load, forecastSettings);
        if (load.size() < forecaster.minHistory())
            return Optional.empty();
        Forecast f = forecaster.forecast(load);
        return scaler.step(now, LoadOutlook.of(f, f.windowStartMillis(1), windowMillis, 1), history.share());
    }
}
