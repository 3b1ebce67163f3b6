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


package dev.autopilot.examples.differential;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.autopilot.plugin.AutopilotPlugin;
import org.apache.ignite.Ignite;

/**
 * Runs generated statements on both clusters, one after the other over JDBC thin, while {@link Drift} and the manager
 * change the Autopilot cluster's layouts, and compares what each statement did (see {@link Outcome}). A statement that
 * plain Ignite did not finish within the limit is skipped; one only Autopilot did not finish is a mismatch.
 */
public final class DifferentialRun {
    /** How long a statement may run before it is killed. */
    private static final long LIMIT_MILLIS = 60_000;

    /** Statements slower than this on either side are logged: the grammar should not write them often. */
    private static final long SLOW_MILLIS = 3_000;

    /**
     * How often a statement that Ignite cancelled by itself is run again: its planner gives up after
     * {@link DifferentialClusters#PLANNER_TIMEOUT_MILLIS} on a busy machine, on one side and not the other.
     */
    private static final int RETRIES = 2;

    /** How many mismatches are described in full. */
    private static final int DESCRIBED = 20;

    /**
     * What a run found.
     *
     * @param statements statements compared (the setup included)
     * @param mismatches statements whose outcomes differed
     * @param seed the grammar's seed
     * @param rewritten statements the Autopilot cluster's rewriter changed
     * @param failedAlike statements that failed on both clusters
     * @param skipped statements plain Ignite did not finish in time
     * @param millis how long it took
     * @param drift what {@link Drift} did
     * @param described the first mismatches, each with the statement and both outcomes
     */
    public record Summary(long statements, long mismatches, long seed, long rewritten, long failedAlike, long skipped,
        long millis, Map<String, Integer> drift, List<String> described) {
        @Override public String toString() {
            return statements + " statements, " + mismatches + " mismatches, seed " + seed + ", " + rewritten
                + " rewritten, " + failedAlike + " failed on both, " + skipped + " skipped, " + millis / 1000
                + " s, drift "
                + drift + (described.isEmpty() ? "" : "\n" + String.join("\n", described));
        }
    }

    private DifferentialRun() {
    }

    /**
     * @param tableDdl whether table W is dropped and created again now and then
     * @param driftMillis how often {@link Drift} acts
     */
    public static Summary run(DifferentialClusters clusters, long seed, int statements, boolean tableDdl,
        long driftMillis, PrintStream log) throws SQLException, InterruptedException {
        long start = System.currentTimeMillis();
        List<Ignite> apNodes = clusters.autopilot().nodes();
        long rewrittenBefore = rewritten(apNodes);
        StatementGrammar grammar = new StatementGrammar(seed, tableDdl);
        long n = 0;
        long mismatches = 0;
        long failedAlike = 0;
        long skipped = 0;
        List<String> described = new ArrayList<>();
        try (Connection plain = DriverManager.getConnection(clusters.plain().jdbcUrl());
             Connection autopilot = DriverManager.getConnection(clusters.autopilot().jdbcUrl());
             QueryKiller plainKiller = new QueryKiller(clusters.plain().nodes(), LIMIT_MILLIS);
             QueryKiller apKiller = new QueryKiller(apNodes, LIMIT_MILLIS)) {
            List<Statement> setup = grammar.setup();
            Drift drift = null;
            try {
                for (int i = 0; i < setup.size() + statements; i++) {
                    if (i == setup.size())
                        drift = new Drift(apNodes, driftMillis, seed);
                    Statement st = i < setup.size() ? setup.get(i) : grammar.next();
                    QueryKiller.Bounded p = plainKiller.run(() -> Outcome.of(plain, st.sql()));
                    QueryKiller.Bounded a = apKiller.run(() -> Outcome.of(autopilot, st.sql()));
                    for (int retry = 0; retry < RETRIES && p.outcome().cancelled() && !p.killed(); retry++)
                        p = plainKiller.run(() -> Outcome.of(plain, st.sql()));
                    for (int retry = 0; retry < RETRIES && a.outcome().cancelled() && !a.killed(); retry++)
                        a = apKiller.run(() -> Outcome.of(autopilot, st.sql()));
                    n++;
                    if (Math.max(p.millis(), a.millis()) > SLOW_MILLIS) {
                        log.println("slow statement (" + p.millis() + " ms plain, " + a.millis() + " ms autopilot): "
                            + st.sql());
                    }
                    if (!p.outcome().failed())
                        st.onSuccess().run();
                    if (p.killed()) {
                        skipped++;
                        continue;
                    }
                    if (!p.outcome().matches(a.outcome(), st.ordered())) {
                        mismatches++;
                        String d = "MISMATCH #" + mismatches + " (seed " + seed + ", statement " + n + "): " + st.sql()
                            + "\n  plain:     " + p.outcome() + "\n  autopilot: " + (a.killed() ? "killed after "
                            + LIMIT_MILLIS + " ms, " : "") + a.outcome();
                        log.println(d);
                        if (described.size() < DESCRIBED)
                            described.add(d);
                    }
                    else if (p.outcome().failed())
                        failedAlike++;
                    if (n % 250 == 0) {
                        log.println("differential: " + n + " statements, " + mismatches + " mismatches, "
                            + failedAlike + " failed on both, " + (rewritten(apNodes) - rewrittenBefore)
                            + " rewritten, " + (System.currentTimeMillis() - start) / 1000 + " s");
                    }
                }
            }
            finally {
                if (drift != null)
                    drift.close();
            }
            return new Summary(n, mismatches, seed, rewritten(apNodes) - rewrittenBefore, failedAlike, skipped,
                System.currentTimeMillis() - start, drift == null ? Map.of() : drift.done(), described);
        }
    }

    private static long rewritten(List<Ignite> nodes) {
        return nodes.stream().mapToLong(n -> AutopilotPlugin.of(n).rewriting().rewrittenStatements()).sum();
    }
}
