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

package dev.autopilot.examples.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import dev.autopilot.examples.demo.AdaptationLog.Adaptation;
import dev.autopilot.examples.demo.ExecutionTimeline.Execution;
import dev.autopilot.examples.workload.PhaseResult;

/**
 * Prints what one phase showed: when Autopilot adapted a table and what it added, each template's latency before the
 * first cut-over of the phase and after it, and how many statements were rewritten to use the new structures.
 */
final class PhaseReport {
    private final PrintStream out;

    PhaseReport(PrintStream out) {
        this.out = out;
    }

    /**
     * @param result the phase as the clients measured it
     * @param startMillis when the phase began
     * @param endMillis when it ended
     * @param adaptations every adaptation so far
     * @param executions the phase's executions
     * @param rewritten statements rewritten during the phase
     * @param rewrittenInAll statements rewritten since the cluster started
     * @return whether a template of the phase got faster after a cut-over in it
     */
    boolean print(PhaseResult result, long startMillis, long endMillis, List<Adaptation> adaptations,
        List<Execution> executions, long rewritten, long rewrittenInAll) {
        out.printf(Locale.ROOT, "=== Phase %d: %s, %.0f s: %,d queries (%.1f q/s), %d errors ===%n",
            result.index() + 1, result.phase(), (endMillis - startMillis) / 1000.0, result.queries(),
            result.throughputPerSecond(), result.errors());
        List<Adaptation> inPhase = adaptations.stream().filter(a -> a.during(startMillis, endMillis)).toList();
        long cutOver = Long.MAX_VALUE;
        for (Adaptation a : inPhase) {
            out.printf(Locale.ROOT, "  Autopilot adaptation %s of %s adds %s%n", a.id(), a.table(), a.added());
            out.printf(Locale.ROOT, "    started at %s, cut over at %s (from the phase's start); now %s%n",
                offset(a.startedAtMillis(), startMillis), offset(a.cutOverMillis(), startMillis), state(a));
            if (a.cutOverMillis() >= startMillis && a.cutOverMillis() < endMillis)
                cutOver = Math.min(cutOver, a.cutOverMillis());
        }
        if (inPhase.isEmpty())
            out.println("  no adaptation was on its way in this phase");

        boolean fell = false;
        if (cutOver == Long.MAX_VALUE) {
            out.println("  latency per template over the phase (median, mean, executions):");
            for (LatencySplit.Row r : LatencySplit.at(executions, endMillis))
                out.printf(Locale.ROOT, "    %-28s %9.1f ms %9.1f ms %6d%n", r.template(), r.before().p50Millis(),
                    r.before().meanMillis(), r.before().count());
        }
        else {
            out.printf(Locale.ROOT, "  latency per template before the cut-over at %s and after it "
                + "(median, mean, executions):%n", offset(cutOver, startMillis));
            for (LatencySplit.Row r : LatencySplit.at(executions, cutOver)) {
                out.printf(Locale.ROOT, "    %-28s %9s -> %9s   mean %9s -> %9s   %5d -> %5d  %s%n", r.template(),
                    ms(r.before()), ms(r.after()), mean(r.before()), mean(r.after()), r.before().count(),
                    r.after().count(), verdict(r));
                fell |= r.fell();
            }
        }
        out.printf(Locale.ROOT, "  statements rewritten to use Autopilot's structures: %,d in this phase, %,d in "
            + "all%n%n", rewritten, rewrittenInAll);
        return fell;
    }

    private static String state(Adaptation a) {
        if (a.running())
            return "at step " + a.step();
        return a.outcome() + (a.reason() == null ? "" : " (" + a.reason() + ')');
    }

    private static String offset(long millis, long startMillis) {
        return millis == 0 ? "not yet" : String.format(Locale.ROOT, "%+.1f s", (millis - startMillis) / 1000.0);
    }

    private static String ms(LatencySplit.Side s) {
        return s.count() == 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", s.p50Millis());
    }

    private static String mean(LatencySplit.Side s) {
        return s.count() == 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", s.meanMillis());
    }

    private static String verdict(LatencySplit.Row r) {
        if (r.before().count() == 0 || r.after().count() == 0)
            return "";
        double ratio = r.before().p50Millis() / Math.max(r.after().p50Millis(), 0.001);
        return ratio >= 1.2 ? String.format(Locale.ROOT, "%.1fx faster", ratio) : "";
    }
}
