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

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.autopilot.adaptation.apply.LayoutPlan;
import dev.autopilot.adaptation.layout.LayoutCodec;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.SlowTableDetector;
import dev.autopilot.adaptation.manage.TableLatencies;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.adaptation.profile.SchemaProfile;
import org.apache.ignite.IgniteLogger;

/**
 * The adaptation manager's own initiative, once per query-log window: a table whose queries have been slow for some
 * windows in a row ({@link SlowTableDetector}), that is not pinned and was not adapted recently, is adapted to its
 * freshly generated profile if the profile promises enough net gain and adds a column or an index, unless the same
 * plan was rolled back before for making the table slower or rejected by a user. A plan that only retires cannot make
 * reads faster, and what it would retire serves templates the window merely missed: a drift benchmark run retired one
 * of two templates' structures right after their cut-over and asked for them back 10 s later. In
 * {@link AdaptationMode#RECOMMEND} mode it records a recommendation that a user applies or rejects. When the workload
 * drifts while one of its own adaptations is still on its way (not cut over), and the fresh profile wants none of what
 * that adaptation adds, it takes that adaptation back, and adapts to the fresh profile once it is rolled back:
 * finishing work for templates that stopped running only delays the ones that run now.
 */
final class AutoAdaptation {
    private final AutopilotPlugin plugin;
    private final AdaptationConfiguration cfg;
    private final RuntimeSettings live;
    private final TableLatencies latencies;
    private final long windowMillis;
    private final long publishDelayMillis;
    private final IgniteLogger log;
    private final SlowTableDetector detector;
    private long evaluated = Long.MIN_VALUE;

    /**
     * @param cfg the settings fixed at start
     * @param live the settings an operator changes at run time (mode, threshold, interval, gain), read at each decision
     */
    AutoAdaptation(AutopilotPlugin plugin, AdaptationConfiguration cfg, RuntimeSettings live, TableLatencies latencies,
        long windowMillis, long publishDelayMillis, IgniteLogger log) {
        this.plugin = plugin;
        this.cfg = cfg;
        this.live = live;
        this.latencies = latencies;
        this.windowMillis = windowMillis;
        this.publishDelayMillis = publishDelayMillis;
        this.log = log;
        this.detector = new SlowTableDetector(live::latencyThresholdMillis, cfg.getSlowWindows(), 0.8);
    }

    /** Looks at the last window whose figures are published at {@code now}, if not done yet. */
    void evaluate(long now) {
        if (live.adaptationMode() == AdaptationMode.OFF)
            return;
        long published = now - publishDelayMillis;
        long window = published - Math.floorMod(published, windowMillis) - windowMillis;
        if (window <= evaluated)
            return;
        evaluated = window;

        List<Adaptation> history = plugin.adaptations();
        Map<String, Double> slow = new LinkedHashMap<>();
        for (String table : plugin.managedTableNames()) {
            double mean = SlowTableDetector.readLatency(latencies.measure(table, window, window + windowMillis));
            if (detector.observe(table, mean) && eligible(table, history, now, window))
                slow.put(table, mean);
        }
        if (slow.isEmpty())
            return;
        for (SchemaProfile profile : plugin.refreshProfiles(window, slow.keySet())) {
            Double mean = slow.get(profile.table());
            if (mean != null)
                consider(profile, mean, history);
        }
    }

    private void consider(SchemaProfile profile, double meanMs, List<Adaptation> history) {
        AdaptationMode mode = live.adaptationMode();
        if (mode == AdaptationMode.OFF)
            return;
        String table = profile.table();
        double gain = profile.expectedBenefit() == null ? 0 : profile.expectedBenefit().netGain();
        if (profile.empty() || gain < live.minNetGain()) {
            if (log.isDebugEnabled())
                log.debug("Autopilot: " + table + " is slow but its profile promises a net gain of " + gain);
            return;
        }
        Adaptation onItsWay = onItsWay(table, history);
        if (onItsWay != null) {
            if (mode == AdaptationMode.AUTO && wantsNoneOf(profile, onItsWay)) {
                String why = String.format(Locale.ROOT, "the profile of the window of %d wants none of what it adds",
                    profile.version());
                if (plugin.supersedeAdaptation(onItsWay.id(), why))
                    log.info("Autopilot takes back adaptation " + onItsWay.id() + " of " + table + " at step "
                        + onItsWay.step() + ": " + why);
            }
            return;
        }
        LayoutPlan plan = plugin.planOf(profile);
        if (!plan.adds() || rejectedBefore(table, plan.write(), history))
            return;
        String trigger = String.format(Locale.ROOT, "queries took %.1f ms (time-weighted mean) > %.1f ms for %d "
            + "windows; expected net gain %.0f rows/s", meanMs, live.latencyThresholdMillis(), cfg.getSlowWindows(),
            gain);
        String json = ProfileCodec.write(profile);
        if (mode == AdaptationMode.RECOMMEND) {
            String id = plugin.recommendAdaptation(profile, json, trigger);
            log.info("Autopilot recommends adapting " + table + " (" + trigger + "): recommendation " + id
                + "; apply or reject it (API, or AUTOPILOT.ADAPTATION_COMMANDS)");
            return;
        }
        String id = plugin.requestAdaptation(profile, json, trigger);
        detector.reset(table);
        log.info("Autopilot adapts " + table + " (" + trigger + "): adaptation " + id);
    }

    /** @return whether the manager may adapt {@code table} now on what the window from {@code window} measured */
    private boolean eligible(String table, List<Adaptation> history, long now, long window) {
        return !plugin.pinned(table) && settled(table, history, now, live.minIntervalSeconds() * 1000L, window);
    }

    /**
     * @return whether nothing of {@code table} is in flight but an adaptation of the manager's own that it may take
     *     back, and none finished (one taken back for a newer profile does not count) within {@code minIntervalMillis}
     *     before {@code now} or after {@code window} began: a window that began before an adaptation finished
     *     measured, at least in part, the layout before it
     */
    static boolean settled(String table, List<Adaptation> history, long now, long minIntervalMillis, long window) {
        long since = Math.min(now - minIntervalMillis, window);
        return history.stream().filter(a -> a.table().equals(table))
            .noneMatch(a -> !a.step().finished() && !supersedable(a)
                || a.step().finished() && a.updatedAt() > since && !superseded(a));
    }

    /** @return the adaptation of {@code table} the manager started and may still take back, if any */
    private static Adaptation onItsWay(String table, List<Adaptation> history) {
        return history.stream().filter(a -> a.table().equals(table) && supersedable(a)).findFirst().orElse(null);
    }

    /** @return whether {@code a} is the manager's own and not cut over yet */
    private static boolean supersedable(Adaptation a) {
        return a.step().beforeCutOver() && !Adaptation.REQUESTED.equals(a.trigger());
    }

    private static boolean superseded(Adaptation a) {
        return a.reason() != null && a.reason().startsWith(Adaptation.SUPERSEDED);
    }

    /** @return whether {@code profile} names none of the columns and indexes {@code a} adds */
    private static boolean wantsNoneOf(SchemaProfile profile, Adaptation a) {
        Set<String> wanted = new HashSet<>();
        if (profile.derivedAttributes() != null)
            profile.derivedAttributes().forEach(d -> wanted.add(d.name()));
        if (profile.indexes() != null)
            profile.indexes().forEach(i -> wanted.add(i.name()));
        LayoutPlan plan = LayoutPlan.read(a.plan(), LayoutCodec.read(a.layoutBefore()).table());
        return plan.columns().stream().noneMatch(c -> wanted.contains(c.column().name()))
            && plan.indexes().stream().noneMatch(i -> wanted.contains(i.name()));
    }

    /** @return whether the same plan was rolled back before because it made the table slower, or a user rejected it */
    private static boolean rejectedBefore(String table, String plan, List<Adaptation> history) {
        return history.stream().anyMatch(a -> a.table().equals(table) && a.plan().equals(plan)
            && (Adaptation.REJECTED.equals(a.outcome()) || Adaptation.ROLLED_BACK.equals(a.outcome())
            && a.reason() != null && a.reason().startsWith(Adaptation.LATENCY_REGRESSED)));
    }
}
