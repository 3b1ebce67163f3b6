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

package dev.autopilot.examples.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.examples.bench.StructureProbe.MemorySample;
import dev.autopilot.examples.workload.QueryTemplate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drift benchmark's figures, summary and report on three made-up runs whose ratios are known. */
class DriftComparisonTest {
    private static final int PHASE_SECONDS = 20;

    /** Two phases; static runs the dominant template at 1/s and 100 ms, hand-tuned at 20/s and 5 ms. */
    private final List<DriftPhase> phases = List.of(phase("one", "a"), phase("two", "b"));

    @Test
    void ratiosCompareTheSecondsAfterAutopilotAdaptedWithTheSameSecondsOfTheOthers() {
        DriftComparison c = comparison();

        // Phase one: in use after 3.2 s, compared from second 4 on: 20/s against 1/s, 5.5 ms against 5 ms.
        assertEquals(20.0, c.phases().get(0).adaptedThroughputRatio().get("a"), 1e-9);
        assertEquals(1.1, c.phases().get(0).adaptedLatencyRatio(), 1e-9);
        // Phase two: in use after 6.5 s, from second 27 on: 10/s against 1/s, 6 ms against 5 ms.
        assertEquals(10.0, c.phases().get(1).adaptedThroughputRatio().get("b"), 1e-9);
        assertEquals(10.0, c.throughputRatioVsStatic(), 1e-9);
        assertEquals(1.2, c.latencyRatioVsHandTuned(), 1e-9);
        assertEquals(6.5, c.adaptSecondsMax(), 1e-9);
        assertTrue(c.allPhasesAdapted());
        assertEquals(0.05, c.writeSlowdownVsStatic(), 1e-9);
        // Whole phase one: static 1 + 2 background per second, Autopilot 4 s at 1 + 16 s at 20, plus 2 background.
        assertEquals((4 + 320 + 40) / 60.0, c.phases().get(0).throughputRatio(DriftSetup.AUTOPILOT, DriftSetup.STATIC),
            1e-9);
    }

    @Test
    void figuresHoldTheKeyRatiosAndTheirTargets() {
        Map<String, Object> f = new DriftSummary(comparison()).figures();

        assertEquals(10.0, f.get("throughput_ratio_vs_static"));
        assertEquals(1.2, f.get("latency_ratio_vs_handtuned"));
        assertEquals(6.5, f.get("adapt_seconds_max"));
        assertEquals(0.05, f.get("write_slowdown_vs_static"));
        assertEquals(0.05, f.get("write_slowdown_quiet_vs_static"));
        assertEquals(4.2, f.get("write_quiet_mean_ms_autopilot"));
        assertEquals(true, f.get("target_throughput_met"));
        assertEquals(false, f.get("target_latency_met"));
        assertEquals(true, f.get("target_write_slowdown_met"));
        assertEquals(1_048_576L, f.get("phase1_structures_bytes_autopilot"));
        assertEquals(1.5, f.get("phase1_gc_seconds_autopilot"));
        assertEquals(0.0, f.get("phase2_gc_seconds_autopilot"));
    }

    @Test
    void aPhaseNeverAdaptedCountsAsItsLengthAndMissesTheTarget() {
        DriftComparison c = comparison(Map.of(StructureProbe.key(0, "a"), 3.2));

        assertFalse(c.allPhasesAdapted());
        assertEquals(PHASE_SECONDS, c.adaptSecondsMax(), 1e-9);
        assertEquals(false, new DriftSummary(c).figures().get("target_adapt_seconds_met"));
    }

    @Test
    void reportIsOnePageWithTheChartLibraryAndTheData() {
        DriftComparison c = comparison();
        String html = new DriftHtmlReport(c, new DriftSummary(c)).html();

        assertTrue(html.contains("Chart.js v4"), "Chart.js inlined");
        assertTrue(html.contains("chartjs-plugin-annotation"), "annotation plugin inlined");
        assertTrue(html.contains("\"phases\": [\"one\", \"two\"]"));
        assertTrue(html.contains("AP_IDX_A"));
        assertFalse(html.contains("/*DATA*/"));
        assertFalse(html.contains("<script src="), "nothing loaded from elsewhere");
    }

    private DriftComparison comparison() {
        return comparison(Map.of(StructureProbe.key(0, "a"), 3.2, StructureProbe.key(1, "b"), 6.5));
    }

    @Test
    void throughputCountsOnlyTheSecondsAConfigurationReadsIn() {
        DriftComparison c = comparison(Map.of(StructureProbe.key(0, "a"), 3.2, StructureProbe.key(1, "b"), 6.5), 0.5);

        assertEquals(40.0, c.phases().get(0).adaptedThroughputRatio().get("a"), 1e-9);
        assertEquals(2 * (20 + 2), c.phases().get(0).throughput().get(DriftSetup.HAND_TUNED), 1e-9);
        assertEquals(1.1, c.phases().get(0).adaptedLatencyRatio(), 1e-9);
    }

    private DriftComparison comparison(Map<String, Double> inUse) {
        return comparison(inUse, 1);
    }

    /** @param share the share of the time hand-tuned and Autopilot read in, 1 or 0.5 (static reads all the time) */
    private DriftComparison comparison(Map<String, Double> inUse, double share) {
        ConfigRun stat = run(DriftSetup.STATIC, Map.of(), s -> 1, s -> 100.0, 2.0, 1);
        ConfigRun hand = run(DriftSetup.HAND_TUNED, Map.of(), s -> 20, s -> 5.0, 2.0, share);
        ConfigRun auto = run(DriftSetup.AUTOPILOT, inUse,
            s -> s < PHASE_SECONDS ? (s >= 4 ? 20 : 1) : (s >= 27 ? 10 : 1),
            s -> s < PHASE_SECONDS ? (s >= 4 ? 5.5 : 100.0) : (s >= 27 ? 6.0 : 100.0), 2.1, share);
        return new DriftComparison(phases, PHASE_SECONDS, "w", List.of(stat, hand, auto));
    }

    /** A run whose dominant template runs {@code perSecond(s)} times at {@code millis(s)} in second s. */
    private ConfigRun run(DriftSetup setup, Map<String, Double> inUse, java.util.function.IntUnaryOperator perSecond,
        java.util.function.IntToDoubleFunction millis, double writeMillis, double share) {
        DriftRecorder reads = new DriftRecorder(2 * PHASE_SECONDS, 2);
        DriftRecorder writes = new DriftRecorder(2 * PHASE_SECONDS, 2);
        for (int s = 0; s < 2 * PHASE_SECONDS; s++) {
            int phase = s / PHASE_SECONDS;
            String focus = phase == 0 ? "a" : "b";
            for (int i = 0; i < perSecond.applyAsInt(s); i++)
                reads.success(focus, phase, s, (long)(millis.applyAsDouble(s) * 1e6));
            for (int i = 0; i < 2; i++)
                reads.success("c", phase, s, 1_000_000);
            writes.success("w", phase, s, (long)(writeMillis * 1e6));
        }
        Map<String, String> index = new LinkedHashMap<>();
        inUse.keySet().forEach(k -> index.put(k, "AP_IDX_" + k.substring(k.indexOf('/') + 1).toUpperCase()));
        List<MemorySample> memory = setup == DriftSetup.STATIC ? List.of()
            : List.of(new MemorySample(0, 0, 0, 100), new MemorySample(15, 524_288, 524_288, 1_600));
        List<AdaptationEvent> adaptations = setup == DriftSetup.AUTOPILOT
            ? List.of(new AdaptationEvent("1", "PUBLIC.T", 1.0, 3.0, "DONE", "completed", "slow", "derived: none",
                "PLANNED 1 s, DONE 3 s"))
            : List.of();
        DriftRecorder quiet = new DriftRecorder(10, 1);
        for (int s = 0; s < 10; s++)
            quiet.success("w", 0, s, (long)(writeMillis * 2e6));
        ReadSeconds readSeconds = new ReadSeconds(2 * PHASE_SECONDS, 1);
        for (int s = 0; s < 2 * PHASE_SECONDS; s++) {
            readSeconds.sample(s, true);
            if (share < 1)
                readSeconds.sample(s, false);
        }
        return new ConfigRun(setup, reads, writes, quiet, inUse, index, memory, adaptations, List.of(), 0,
            readSeconds);
    }

    private static DriftPhase phase(String name, String focus) {
        Map<QueryTemplate, Integer> mix = new LinkedHashMap<>();
        mix.put(QueryTemplate.query(focus, "SELECT 1", r -> List.of()), 3);
        mix.put(QueryTemplate.query("c", "SELECT 2", r -> List.of()), 1);
        return new DriftPhase(name, mix, List.of(focus));
    }
}
