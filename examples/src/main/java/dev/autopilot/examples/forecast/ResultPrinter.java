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

import java.io.PrintStream;
import java.util.Locale;

/** Prints one trace's figures as a table: a row per model, a column per horizon. */
final class ResultPrinter {
    private final PrintStream out;

    ResultPrinter(PrintStream out) {
        this.out = out;
    }

    void print(TraceResult r) {
        int horizons = r.coverage().length;
        out.println();
        out.printf(Locale.ROOT, "== %s: %d windows of %d s, season %d windows, %d test origins, %.1f s, %.1f us per forecast%n",
            r.trace(), r.windows(), r.stepMillis() / 1000, r.season(), r.origins(), r.seconds(), r.forecastMicros());
        for (String issue : r.issues())
            out.println("   note: " + issue);
        out.println("   chosen per horizon: " + String.join(" ", r.chosen()));
        table("MASE", r, r.mase(), "%6.3f", horizons);
        table("sMAPE%", r, r.smape(), "%6.1f", horizons);
        StringBuilder cov = new StringBuilder(String.format(Locale.ROOT, "   %-30s", "coverage (selected)"));
        for (double c : r.coverage())
            cov.append(String.format(Locale.ROOT, " %6.3f", c));
        out.println(cov);
        SpikeScore s = r.spikes();
        double minutes = r.stepMillis() / 60_000.0;
        out.printf(Locale.ROOT, "   spikes >= %.1f: %d onsets, %d foreseen by the forecast (mean lead %.1f min), %d by the upper bound "
                + "(mean lead %.1f min), alarm precision %.2f%n", s.threshold(), s.events(), s.detected(), s.meanLeadWindows() * minutes,
            s.detectedByRisk(), s.meanRiskLeadWindows() * minutes, s.alarmPrecision());
        out.printf(Locale.ROOT, "   selected MAE / seasonal-naive MAE = %.3f, 1 - selected MAE / Holt-Winters MAE = %.3f%n",
            r.ratioTo("seasonal-naive"), 1 - r.ratioTo("holt-winters"));
    }

    private void table(String metric, TraceResult r, double[][] values, String fmt, int horizons) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "   %-30s", metric + " by horizon"));
        for (int h = 1; h <= horizons; h++)
            head.append(String.format(Locale.ROOT, " %6s", "h" + h));
        out.println(head);
        for (int m = 0; m < r.models().size(); m++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "   %-30s", r.models().get(m)));
            for (int h = 0; h < horizons; h++)
                row.append(String.format(Locale.ROOT, " " + fmt, values[m][h]));
            out.println(row);
        }
    }
}
