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

package dev.autopilot.examples.faults;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Checks the table against the {@link WriteLedger} while the run goes on, every round:
 * <ul>
 * <li>lost rows: a row whose write was acknowledged before the round began is missing, or holds an older version;</li>
 * <li>wrong values: a row's columns do not follow from its version, or it holds a version never sent to it;</li>
 * <li>wrong results: a derived column whose published layout says {@code READY} (before and after the read) holds a
 * value other than its expression's, or none, or a query over the expressions on the frozen rows returns other rows rewritten than written with
 * {@code no-rewrite}.</li>
 * </ul>
 * Each row counts once per kind, however many rounds see it. Reads that fail (a node just died, a column was just
 * dropped) are counted apart: they prove nothing either way.
 */
final class RowCheck {
    private static final String NO_REWRITE = "/* autopilot:no-rewrite */ ";

    private final WriteLedger ledger;
    private final Jdbc jdbc;
    private final List<String> queries;
    private final LongSupplier epoch;
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private final Set<String> wrongValues = ConcurrentHashMap.newKeySet();
    private final Set<String> wrongDerived = ConcurrentHashMap.newKeySet();
    private final Set<String> wrongQueries = ConcurrentHashMap.newKeySet();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong unstableRounds = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final AtomicLong failedReads = new AtomicLong();
    private final AtomicLong rewrittenPlans = new AtomicLong();

    /**
     * @param ledger what was written
     * @param jdbcUrl every node
     * @param frozen rows below this id are never written
     * @param epoch odd while a node is down or its partitions move, one more after each such change
     */
    RowCheck(WriteLedger ledger, String jdbcUrl, int frozen, LongSupplier epoch) {
        this.ledger = ledger;
        this.epoch = epoch;
        this.jdbc = new Jdbc(jdbcUrl);
        this.queries = List.of(
            "SELECT ID, B * A FROM T WHERE ID < " + frozen + " AND A * B BETWEEN -5000 AND 5000 ORDER BY ID",
            "SELECT ID, S FROM T WHERE ID < " + frozen + " AND FLOOR(C / 10) = -3 AND S = 's1' ORDER BY ID",
            "SELECT ID, C FROM T WHERE ID < " + frozen + " AND A + C > 200 ORDER BY ID",
            "SELECT COUNT(*) FROM T WHERE ID < " + frozen + " AND A * B >= 0");
    }

    /**
     * Runs one round of every check. A round that overlaps a kill, a restart or the rebalance after it counts nothing:
     * the fault runs saw Ignite answer a query in flight when a node was SIGKILLed with rows missing and no error, in
     * either form of a query; what the round found is printed, marked, and counted apart. A row really lost, or a
     * value or result really wrong, stays so and is found by the next round on a stable cluster.
     */
    void round() {
        rounds.incrementAndGet();
        long before = epoch.getAsLong();
        if (before % 2 != 0) {
            unstableRounds.incrementAndGet();
            return;
        }
        List<Finding> found = new ArrayList<>();
        try {
            rows(found);
            derived(found);
            rewrites(found);
        }
        catch (SQLException e) {
            failedReads.incrementAndGet();
            jdbc.reset();
        }
        if (epoch.getAsLong() != before) {
            unstableRounds.incrementAndGet();
            discarded.addAndGet(found.size());
            found.forEach(f -> report(f.message() + " (during a kill or rebalance: not counted)"));
            return;
        }
        for (Finding f : found) {
            if (f.into().add(f.key()))
                report(f.message());
        }
    }

    private void rows(List<Finding> found) throws SQLException {
        Map<Integer, Long> before = ledger.ackedNow();
        Set<Integer> seen = new HashSet<>();
        try (Statement s = jdbc.get().createStatement();
             ResultSet rs = s.executeQuery(NO_REWRITE + "SELECT ID, A, B, C, S, V FROM T")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                long v = rs.getLong(6);
                seen.add(id);
                boolean consistent = rs.getInt(2) == FaultTable.a(v) && rs.getLong(3) == FaultTable.b(v)
                    && rs.getInt(4) == FaultTable.c(v) && FaultTable.s(v).equals(rs.getString(5));
                if (!consistent || !ledger.wasSent(id, v)) {
                    found.add(new Finding(wrongValues, String.valueOf(id), "wrong value: row " + id + " at version " + v
                        + (consistent ? " never sent" : "")));
                }
                Long acked = before.get(id);
                if (acked != null && v < acked) {
                    found.add(new Finding(lost, String.valueOf(id), "lost write: row " + id + " holds version " + v
                        + ", acknowledged " + acked));
                }
            }
        }
        for (Map.Entry<Integer, Long> e : before.entrySet()) {
            if (!seen.contains(e.getKey())) {
                found.add(new Finding(lost, String.valueOf(e.getKey()), "lost row: " + e.getKey()
                    + ", acknowledged at version " + e.getValue()));
            }
        }
    }

    /** Derived values against their expressions, each column that exists now. */
    private void derived(List<Finding> found) throws SQLException {
        Set<String> ready = readyColumns();
        for (List<String> d : FaultTable.DERIVED) {
            String col = d.get(0);
            String expr = d.get(1);
            // Before READY a column is not used, and values it holds are not yet meant to be right: a column added
            // again after a drop shows the old field values the rows kept, until the fill rewrites every row.
            if (!ready.contains(col))
                continue;
            String sql = NO_REWRITE + "SELECT ID, " + col + ", " + expr + ", V FROM T WHERE " + col + " <> " + expr
                + " OR " + col + " IS NULL";
            List<String> wrong = new ArrayList<>();
            try (Statement s = jdbc.get().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    wrong.add(rs.getInt(1) + ", " + col + " = " + rs.getObject(2) + " where " + expr + " = "
                        + rs.getObject(3) + " (version " + rs.getLong(4) + ")");
                }
            }
            catch (SQLException e) {
                String msg = Objects.toString(e.getMessage(), "");
                if (msg.contains(col) && msg.contains("not found"))
                    continue;
                throw e;
            }
            // A column retired or dropped between the two reads proves nothing about its values.
            if (!wrong.isEmpty() && !readyColumns().contains(col))
                continue;
            for (String w : wrong)
                found.add(new Finding(wrongDerived, col + ':' + w.substring(0, w.indexOf(',')), "wrong derived value: row " + w));
        }
    }

    /** @return the derived columns of {@code T} that every row must hold, as the layout published says */
    private Set<String> readyColumns() throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = jdbc.get().prepareStatement(
            "SELECT DERIVED_COLUMNS FROM AUTOPILOT.PARTITION_LAYOUTS WHERE TABLE_NAME = 'T'");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getString(1) != null) {
                for (String c : rs.getString(1).split(", (?=AP_)")) {
                    if (c.endsWith("(READY)"))
                        out.add(c.substring(0, c.indexOf(' ')));
                }
            }
        }
        return out;
    }

    /** Each query over the frozen rows, rewritten and not. */
    private void rewrites(List<Finding> found) throws SQLException {
        for (String q : queries) {
            List<List<Object>> rewritten = run(q);
            List<List<Object>> plain = run(NO_REWRITE + q);
            if (!rewritten.equals(plain)) {
                found.add(new Finding(wrongQueries, rounds.get() + ":" + q, "wrong result: " + q + " gave " + rewritten.size() + " rows rewritten, "
                    + plain.size() + " as written" + (rewritten.size() == 1 ? ": " + rewritten + " vs " + plain : "")
                    + "; plans now: " + run("EXPLAIN PLAN FOR " + q) + " and " + run("EXPLAIN PLAN FOR " + NO_REWRITE + q)));
            }
        }
        for (String q : queries) {
            try (Statement s = jdbc.get().createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + q)) {
                if (rs.next() && rs.getString(1).contains("AP_")) {
                    rewrittenPlans.incrementAndGet();
                    return;
                }
            }
        }
    }

    private List<List<Object>> run(String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement s = jdbc.get().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++)
                    row.add(rs.getObject(i));
                out.add(row);
            }
        }
        return out;
    }

    /** Prints what a check found, with the time, to line it up with the nodes' logs. */
    private static void report(String finding) {
        System.out.println(Instant.now() + " " + finding);
    }

    /** @return rows lost: missing, or holding a version older than one acknowledged */
    int lostRows() {
        return lost.size();
    }

    /** @return rows holding values no write put there */
    int wrongValues() {
        return wrongValues.size();
    }

    /** @return derived values other than their expressions', plus queries that answered differently rewritten */
    long wrongResults() {
        return wrongDerived.size() + wrongQueries.size();
    }

    /** @return rounds run */
    long rounds() {
        return rounds.get();
    }

    /** @return rounds that overlapped a kill, a restart or a rebalance, whose findings were not counted */
    long unstableRounds() {
        return unstableRounds.get();
    }

    /** @return findings of rounds that overlapped a kill, a restart or a rebalance */
    long discarded() {
        return discarded.get();
    }

    /** @return rounds cut short by a failed read */
    long failedReads() {
        return failedReads.get();
    }

    /** @return rounds in which the plan of at least one of the compared queries read a derived column */
    long rewrittenPlans() {
        return rewrittenPlans.get();
    }

    void close() {
        jdbc.close();
    }

    /** Something a round found: a key for the set it counts in, and what to print. */
    private record Finding(Set<String> into, String key, String message) {
    }
}
