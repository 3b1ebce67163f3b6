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

package dev.autopilot.adaptation.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.adaptation.cost.CostModel;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;

/**
 * Chooses, greedily, the structures with the best net gain that fit the partition's budgets: indexes (with the
 * derived attributes they need as keys) and derived attributes alone (for expressions templates compute on every
 * row they return). The gain of an index is the rows its templates would no longer read, against the best access
 * they have so far (existing indexes, then indexes already chosen), so two indexes never claim the same saving; the
 * gain of a derived attribute is the computation it saves, in row reads. The cost is keeping each new structure up
 * to date. Candidates serving less than the minimum share of the table's query time, or with no net gain, are not
 * chosen: time rather than executions, so that frequent cheap statements (point updates) do not hide the scans. What
 * Autopilot built before is exempt from the share: the templates it serves take little time because it serves them,
 * and retiring it for that would make them slow again. For the same reason a template that only Autopilot's indexes
 * keep from a scan counts with the time the window's scans take, what it would take without them: otherwise an index
 * that serves it partly hides it from a better one until a later profile.
 */
final class IndexSelection {
    /** An index chosen, with what it buys and costs. */
    record Chosen(List<String> columns, int inlineSize, double rowsSavedPerSecond, long memoryBytes,
        List<TemplateAccess> served, double timeShare) {
    }

    /** What choosing a candidate would add: an index ({@code columns} not empty) and/or new derived attributes. */
    private record Evaluation(List<String> columns, int inlineSize, List<String> newDerived, long memory,
        double saved, List<TemplateAccess> served, double share, double net) {
    }

    private final TableSchema table;
    private final List<TemplateAccess> accesses;
    private final AutopilotStructures built;
    private final GeneratorSettings settings;
    private final CostModel cost;
    private final long rows;
    private final double writesPerSecond;
    /** Milliseconds each template took in the window (at least 1 per execution), or would take without Autopilot's. */
    private final Map<TemplateAccess, Double> time = new HashMap<>();
    private final double allTime;
    private final Map<String, DerivedExpression> derivedByKey = new LinkedHashMap<>();

    private final Map<TemplateAccess, Double> current = new HashMap<>();
    private final List<Chosen> chosen = new ArrayList<>();
    private final Map<String, DerivedExpression> derivedChosen = new LinkedHashMap<>();
    private final Map<String, Double> computeSaved = new HashMap<>();
    private long memory;

    /**
     * @param table the table; its indexes (the user's) are the access the templates have so far
     * @param accesses the window's templates on it
     * @param built what Autopilot built before: its indexes are judged by their net gain alone
     */
    IndexSelection(TableSchema table, List<TemplateAccess> accesses, AutopilotStructures built,
        GeneratorSettings settings, long rows, double writesPerSecond) {
        this.table = table;
        this.accesses = accesses;
        this.built = built;
        this.settings = settings;
        this.rows = rows;
        this.writesPerSecond = writesPerSecond;
        this.cost = new CostModel(rows, settings.rowReadsPerStructureWrite());
        for (TemplateAccess a : accesses) {
            for (Term t : a.terms()) {
                if (t.derived())
                    derivedByKey.putIfAbsent(t.key(), t.expression());
            }
            a.computed().forEach(e -> derivedByKey.putIfAbsent(e.name(), e));
            double best = 1;
            for (List<String> existing : table.existingIndexes())
                best = Math.min(best, usable(AccessPath.fractionRead(existing, a)));
            current.put(a, best);
        }
        built.columns().forEach(derivedByKey::putIfAbsent);
        double scan = accesses.stream().filter(a -> current.get(a) == 1 && ownFraction(a) == 1)
            .mapToDouble(a -> a.load().meanLatencyMillis()).max().orElse(0);
        for (TemplateAccess a : accesses) {
            double latency = Math.max(1, a.load().meanLatencyMillis());
            if (current.get(a) == 1 && ownFraction(a) < 1)
                latency = Math.max(latency, scan);
            time.put(a, a.load().executions() * latency);
        }
        this.allTime = time.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** @return the least fraction of the rows {@code a} reads through an index Autopilot built before */
    private double ownFraction(TemplateAccess a) {
        double best = 1;
        for (List<String> own : built.indexes())
            best = Math.min(best, usable(AccessPath.fractionRead(own, a)));
        return best;
    }

    /**
     * Runs the selection.
     *
     * @param indexes candidate index column lists
     */
    void run(List<List<String>> indexes) {
        List<List<String>> open = new ArrayList<>(indexes);
        while (true) {
            Evaluation best = null;
            for (List<String> c : open)
                best = better(best, evaluateIndex(c));
            for (String k : derivedByKey.keySet()) {
                if (!derivedChosen.containsKey(k))
                    best = better(best, evaluateDerived(k));
            }
            if (best == null)
                return;
            open.remove(best.columns);
            commit(best);
        }
    }

    /** @return the chosen indexes, in the order chosen (most valuable first) */
    List<Chosen> chosen() {
        return chosen;
    }

    /** @return the derived attributes chosen, by name, in order of choice */
    Map<String, DerivedExpression> derived() {
        return derivedChosen;
    }

    /** @return row reads per second a chosen derived attribute saves by itself (computation not repeated) */
    double computeSaved(String key) {
        return computeSaved.getOrDefault(key, 0.0);
    }

    /** @return the templates that compute the derived attribute {@code key} for every row they return */
    List<TemplateAccess> computing(String key) {
        return accesses.stream().filter(a -> a.computed().stream().anyMatch(e -> e.name().equals(key))).toList();
    }

    CostModel cost() {
        return cost;
    }

    private static Evaluation better(Evaluation best, Evaluation e) {
        return e != null && e.net > 0 && (best == null || e.net > best.net) ? e : best;
    }

    private Evaluation evaluateIndex(List<String> columns) {
        List<String> newDerived = columns.stream()
            .filter(k -> derivedByKey.containsKey(k) && !derivedChosen.containsKey(k)).toList();
        int structures = 1 + newDerived.size();
        if (chosen.size() + derivedChosen.size() + structures > settings.maxStructures())
            return null;
        int inline = CostModel.inlineSize(columns.stream().map(this::typeOf).toList());
        long mem = cost.indexBytes(inline);
        double saved = 0;
        for (String k : newDerived) {
            mem += cost.columnBytes(derivedByKey.get(k).type());
            saved += computation(k);
        }
        if (memory + mem > settings.memoryBudgetBytes())
            return null;

        double servedTime = 0;
        List<TemplateAccess> served = new ArrayList<>();
        for (TemplateAccess a : accesses) {
            double f = usable(AccessPath.fractionRead(columns, a));
            if (f < current.get(a)) {
                saved += a.perSecond() * rows * (current.get(a) - f);
                servedTime += time.get(a);
                served.add(a);
            }
        }
        double share = share(servedTime);
        if (share < settings.minTimeShare() && !built.indexes().contains(columns))
            return null;
        double net = saved - cost.writeCost(writesPerSecond, structures);
        return new Evaluation(columns, inline, newDerived, mem, saved, served, share, net);
    }

    private Evaluation evaluateDerived(String key) {
        if (chosen.size() + derivedChosen.size() + 1 > settings.maxStructures())
            return null;
        long mem = cost.columnBytes(derivedByKey.get(key).type());
        if (memory + mem > settings.memoryBudgetBytes())
            return null;
        List<TemplateAccess> computing = computing(key);
        double share = share(computing.stream().mapToDouble(time::get).sum());
        if (share < settings.minTimeShare() && !built.columns().containsKey(key))
            return null;
        double saved = computation(key);
        return new Evaluation(List.of(), 0, List.of(key), mem, saved, computing, share,
            saved - cost.writeCost(writesPerSecond, 1));
    }

    /** @return row reads per second that not computing {@code key} again saves */
    private double computation(String key) {
        DerivedExpression e = derivedByKey.get(key);
        double saved = 0;
        for (TemplateAccess a : computing(key))
            saved += a.perSecond() * Math.max(1, rows * a.fractionKept()) * e.operations()
                * settings.rowReadsPerOperation();
        return saved;
    }

    private void commit(Evaluation e) {
        for (String k : e.newDerived) {
            derivedChosen.put(k, derivedByKey.get(k));
            computeSaved.put(k, computation(k));
        }
        memory += e.memory;
        if (e.columns.isEmpty())
            return;
        for (TemplateAccess a : e.served)
            current.put(a, Math.min(current.get(a), usable(AccessPath.fractionRead(e.columns, a))));
        double indexSaved = e.saved - e.newDerived.stream().mapToDouble(this::computeSaved).sum();
        chosen.add(new Chosen(e.columns, e.inlineSize, indexSaved, cost.indexBytes(e.inlineSize), e.served, e.share));
    }

    private double share(double time) {
        return allTime == 0 ? 0 : time / allTime;
    }

    /** @return the type of an index key: a column's, or a derived attribute's */
    private ColumnType typeOf(String key) {
        DerivedExpression d = derivedByKey.get(key);
        return d != null ? d.type() : table.type(key);
    }

    /** An index that leaves more than the threshold to read is no better than a scan. */
    private double usable(double fraction) {
        return fraction <= settings.maxIndexSelectivity() ? fraction : 1;
    }
}
