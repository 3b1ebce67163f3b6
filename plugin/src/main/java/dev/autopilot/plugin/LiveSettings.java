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

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import dev.autopilot.affinity.scaler.StandbyScalerConfiguration;
import dev.autopilot.affinity.scaler.StandbyScalerMode;
import dev.autopilot.sql.internal.DistributedProperties;

/**
 * The {@link RuntimeSettings} as cluster-wide properties, with the rules each value must meet: a value that breaks
 * them is refused when it is set, with a message naming the property and the value, so no node ever runs with it.
 * The node's {@link AutopilotConfiguration} (Spring XML) gives the initial values.
 */
final class LiveSettings implements RuntimeSettings {
    /** {@link AdaptationMode}: AUTO, RECOMMEND or OFF. */
    static final String ADAPTATION_MODE = "autopilot.adaptation.mode";

    /** Mean read latency above which a window counts as slow, in ms. */
    static final String LATENCY_THRESHOLD = "autopilot.adaptation.latencyThresholdMillis";

    /** Seconds after an adaptation of a table before the manager adapts it again. */
    static final String MIN_INTERVAL = "autopilot.adaptation.minIntervalSeconds";

    /** The least net gain a profile must promise, in rows read saved per second. */
    static final String MIN_NET_GAIN = "autopilot.adaptation.minNetGain";

    /** {@link StandbyScalerMode}: OFF, DRY_RUN or APPLY. */
    static final String STANDBY_SCALER_MODE = "autopilot.standbyScaler.mode";

    private final DistributedProperties properties;
    private final Supplier<String> adaptationMode;
    private final Supplier<Double> latencyThreshold;
    private final Supplier<Integer> minInterval;
    private final Supplier<Double> minNetGain;
    private final Supplier<String> scalerMode;

    private LiveSettings(DistributedProperties properties, AutopilotConfiguration cfg) {
        this.properties = properties;
        AdaptationConfiguration a = cfg.getAdaptation();
        adaptationMode = properties.define(ADAPTATION_MODE, "How far Autopilot's adaptation manager goes on its own: "
            + "AUTO, RECOMMEND or OFF", v -> modeName(ADAPTATION_MODE, v, AdaptationMode.class),
            a.getMode().name());
        latencyThreshold = properties.define(LATENCY_THRESHOLD, "Mean read latency (ms) above which a query-log window "
            + "counts as slow", v -> checked(LATENCY_THRESHOLD, v, Double::valueOf, d -> d > 0, "must be above 0"),
            a.getLatencyThresholdMillis());
        minInterval = properties.define(MIN_INTERVAL, "Seconds after an adaptation of a table before the manager "
            + "adapts it again", v -> checked(MIN_INTERVAL, v, Integer::valueOf, i -> i >= 0, "must be at least 0"),
            a.getMinIntervalSeconds());
        minNetGain = properties.define(MIN_NET_GAIN, "The least net gain (rows read saved per second) a profile must "
            + "promise", v -> checked(MIN_NET_GAIN, v, Double::valueOf, d -> d >= 0, "must be at least 0"),
            a.getMinNetGain());
        StandbyScalerConfiguration scaler = cfg.getStandbyScaler();
        scalerMode = properties.define(STANDBY_SCALER_MODE, "Whether the standby scaler runs, and whether it changes "
            + "the baseline: OFF, DRY_RUN or APPLY", v -> scalerModeName(scaler, v), scaler.getMode().name());
    }

    /** Defines the settings in {@code properties}, starting from {@code cfg}; register them with the node after. */
    static LiveSettings define(DistributedProperties properties, AutopilotConfiguration cfg) {
        return new LiveSettings(properties, cfg);
    }

    @Override public AdaptationMode adaptationMode() {
        return AdaptationMode.valueOf(adaptationMode.get());
    }

    @Override public double latencyThresholdMillis() {
        return latencyThreshold.get();
    }

    @Override public int minIntervalSeconds() {
        return minInterval.get();
    }

    @Override public double minNetGain() {
        return minNetGain.get();
    }

    @Override public StandbyScalerMode standbyScalerMode() {
        return StandbyScalerMode.valueOf(scalerMode.get());
    }

    @Override public void onStandbyScalerModeChange(Consumer<StandbyScalerMode> listener) {
        properties.<String>listen(STANDBY_SCALER_MODE, v -> listener.accept(StandbyScalerMode.valueOf(v)));
    }

    /** The scaler's other settings are checked against the new mode: they may be unset while it is OFF. */
    private static String scalerModeName(StandbyScalerConfiguration scaler, String value) {
        String mode = modeName(STANDBY_SCALER_MODE, value, StandbyScalerMode.class);
        try {
            scaler.validate(StandbyScalerMode.valueOf(mode));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(STANDBY_SCALER_MODE + " = " + value + " refused: " + e.getMessage(), e);
        }
        return mode;
    }

    /** @return the name of the constant of {@code type} that {@code value} names, in any case */
    private static <E extends Enum<E>> String modeName(String property, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (value != null && e.name().equals(value.trim().toUpperCase(Locale.ROOT)))
                return e.name();
        }
        throw refused(property, value, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static <T> T checked(String property, String value, Function<String, T> parser,
        Predicate<T> rule, String ruleText) {
        T parsed;
        try {
            parsed = parser.apply(value.trim());
        }
        catch (RuntimeException e) {
            throw refused(property, value, "not a number");
        }
        if (!rule.test(parsed))
            throw refused(property, value, ruleText);
        return parsed;
    }

    private static IllegalArgumentException refused(String property, String value, String rule) {
        return new IllegalArgumentException("Invalid value of Autopilot property " + property + ": " + value + " ("
            + rule + ')');
    }
}
