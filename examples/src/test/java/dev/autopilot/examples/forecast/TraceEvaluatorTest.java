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

package dev.autopilot.examples.forecast;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.autopilot.forecast.ForecastSettings;
import dev.autopilot.forecast.model.BoostingSettings;
import dev.autopilot.forecast.model.LocalTrainingBackend;
import dev.autopilot.forecast.series.CleanSeries;
import dev.autopilot.forecast.series.CleaningReport;
import dev.autopilot.forecast.series.CsvTraceReader;
import dev.autopilot.forecast.series.SeriesCleaner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceEvaluatorTest {
    private static final DateTimeFormatter FMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ForecastSettings SETTINGS = ForecastSettings.builder().horizon(4)
        .boosting(new BoostingSettings(10, 2, 0.3)).maxTrainingRows(300).build();

    /** A 5-minute trace with a daily cycle, and every kind of damage the cleaner must survive. */
    private static String damagedTrace(int days) {
        StringBuilder sb = new StringBuilder("timestamp,value\n");
        LocalDateTime t0 = LocalDateTime.of(2015, 3, 1, 0, 0);
        for (int i = 0; i < 288 * days; i++) {
            if (i % 97 == 5)
                continue;
            double v = 100 + 50 * Math.sin(2 * Math.PI * i / 288) + (i * 7919 % 13);
            String value = i % 211 == 3 ? "NaN" : i % 307 == 9 ? "-4" : String.valueOf(v);
            sb.append(t0.plusMinutes(5L * i).format(FMT)).append(',').append(value).append('\n');
            if (i % 401 == 11)
                sb.append(t0.plusMinutes(5L * i).format(FMT)).append(',').append(v + 2).append('\n');
        }
        sb.append(t0.plusMinutes(5L * 100).format(FMT)).append(",100\n");
        sb.append("garbage line\n");
        return sb.toString();
    }

    private static TraceResult evaluate(String csv) throws IOException {
        CleaningReport report = new CleaningReport();
        CleanSeries clean = SeriesCleaner.clean(CsvTraceReader.read(new StringReader(csv), report), 0, report);
        return new TraceEvaluator(SETTINGS, new LocalTrainingBackend(1), 0.7, 3, 0.99).evaluate("damaged", clean.series(), report.issues());
    }

    @Test
    void aDamagedTraceIsRepairedScoredAndExplained() throws IOException {
        TraceResult r = evaluate(damagedTrace(8));
        String issues = String.join("; ", r.issues());
        for (String word : List.of("missing", "NaN", "negative", "order", "duplicate", "timestamp"))
            assertTrue(issues.contains(word), word + " not reported in: " + issues);
        assertEquals(288, r.season());
        int sel = r.selected();
        for (int h = 0; h < 4; h++) {
            assertTrue(Double.isFinite(r.mae()[sel][h]));
            assertTrue(r.coverage()[h] > 0.5, "coverage " + r.coverage()[h]);
        }
        assertTrue(r.ratioTo("seasonal-naive") < 1, "selection should beat seasonal-naive on a clean cycle: " + r.ratioTo("seasonal-naive"));
    }

    @Test
    void aTraceShorterThanTwoSeasonsIsScoredOnBaselines() throws IOException {
        TraceResult r = evaluate(damagedTrace(1));
        assertTrue(r.issues().stream().anyMatch(i -> i.contains("last-value") || i.contains("two seasons")), r.issues().toString());
        assertTrue(Double.isFinite(r.mae()[r.selected()][0]));
    }

    @Test
    void figuresAreFlatWithTheHeadlineKeys() throws IOException {
        TraceResult r = evaluate(damagedTrace(8));
        Map<String, Object> figures = ForecastFigures.of(List.of(r), 0.9, 1.0);
        for (String key : List.of("mase_vs_seasonal_naive", "improvement_vs_holt_winters", "interval_coverage", "damaged.season_windows"))
            assertTrue(figures.containsKey(key), key);
        assertTrue(figures.values().stream().noneMatch(v -> v instanceof Double d && !Double.isFinite(d)), figures.toString());
    }
}
