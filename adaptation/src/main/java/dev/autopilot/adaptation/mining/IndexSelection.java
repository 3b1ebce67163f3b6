package dev.autopilot.adaptation.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.adaptation.cost.CostModel;
import dev.autopilot.adaptation.expression.DerivedExpression;
import dev.autopilot.adaptation.table.ColumnType;
import dev.autopilot.adaptation.table.TableSchema;

/**
 * Chooses, greedily, the indexes (and the derived attributes they need) with the best net gain that fit the
 * partition's budgets. The gain of an index is the rows its templates would no longer read, against the best
 * access they have so far (existing indexes, then indexes already chosen), so two indexes never claim the same
 * saving; the cost is keeping it and any new derived column up to date. Candidates serving less than the minimum
 * share of executions, or with no net gain, are not chosen.
 */
final class IndexSelection {
    /** An index chosen, with what it buys and costs. */
    record Chosen(List<String> columns, int inlineSize, double rowsSavedPerSecond, long memoryBytes,
        List<TemplateAccess> served, double executionShare) {
    }

    private final TableSchema table;
    private final List<TemplateAccess> accesses;
    private final GeneratorSettings settings;
    private final CostModel cost;
    private final long rows;
    private final double writesPerSecond;
    private final Map<String, DerivedExpression> derivedByKey = new HashMap<>();

    private final Map<TemplateAccess, Double> current = new HashMap<>();
    private final List<Chosen> chosen = new ArrayList<>();
    private final Map<String, DerivedExpression> derivedChosen = new LinkedHashMap<>();
    private long memory;

    IndexSelection(TableSchema table, List<TemplateAccess> accesses, GeneratorSettings settings, long rows,
        double writesPerSecond) {
        this.table = table;
        this.accesses = accesses;
        this.settings = settings;
        this.rows = rows;
        this.writesPerSecond = writesPerSecond;
        this.cost = new CostModel(rows, settings.rowReadsPerStructureWrite());
        for (TemplateAccess a : accesses) {
            for (Term t : a.terms()) {
                if (t.derived())
                    derivedByKey.putIfAbsent(t.key(), t.expression());
            }
            double best = 1;
            for (List<String> existing : table.existingIndexes())
                best = Math.min(best, usable(AccessPath.fractionRead(existing, a)));
            current.put(a, best);
        }
    }

    /** Runs the selection over {@code candidates}. */
    void run(List<List<String>> candidates) {
        List<List<String>> open = new ArrayList<>(candidates);
        while (true) {
            Evaluation best = null;
            for (List<String> c : open) {
                Evaluation e = evaluate(c);
                if (e != null && e.net > 0 && (best == null || e.net > best.net))
                    best = e;
            }
            if (best == null)
                return;
            open.remove(best.columns);
            commit(best);
        }
    }

    /** @return the chosen indexes, most valuable first */
    List<Chosen> chosen() {
        return chosen;
    }

    /** @return the derived attributes the chosen indexes need, by name, in order of first use */
    Map<String, DerivedExpression> derived() {
        return derivedChosen;
    }

    /** @return the type of an index key: a column's, or a derived attribute's */
    ColumnType typeOf(String key) {
        DerivedExpression d = derivedByKey.get(key);
        return d != null ? d.type() : table.type(key);
    }

    CostModel cost() {
        return cost;
    }

    private record Evaluation(List<String> columns, int inlineSize, List<String> newDerived, long memory,
        double saved, List<TemplateAccess> served, double share, double net) {
    }

    private Evaluation evaluate(List<String> columns) {
        List<String> newDerived = columns.stream()
            .filter(k -> derivedByKey.containsKey(k) && !derivedChosen.containsKey(k)).toList();
        int structures = 1 + newDerived.size();
        if (structuresUsed() + structures > settings.maxStructures())
            return null;
        int inline = CostModel.inlineSize(columns.stream().map(this::typeOf).toList());
        long mem = cost.indexBytes(inline);
        for (String k : newDerived)
            mem += cost.columnBytes(derivedByKey.get(k).type());
        if (memory + mem > settings.memoryBudgetBytes())
            return null;

        double saved = 0;
        long servedExecutions = 0;
        long allExecutions = 0;
        List<TemplateAccess> served = new ArrayList<>();
        for (TemplateAccess a : accesses) {
            allExecutions += a.load().executions();
            double f = usable(AccessPath.fractionRead(columns, a));
            if (f < current.get(a)) {
                saved += a.perSecond() * rows * (current.get(a) - f);
                servedExecutions += a.load().executions();
                served.add(a);
            }
        }
        double share = allExecutions == 0 ? 0 : (double)servedExecutions / allExecutions;
        if (share < settings.minExecutionShare())
            return null;
        double net = saved - cost.writeCost(writesPerSecond, structures);
        return new Evaluation(columns, inline, newDerived, mem, saved, served, share, net);
    }

    private void commit(Evaluation e) {
        for (String k : e.newDerived)
            derivedChosen.put(k, derivedByKey.get(k));
        memory += e.memory;
        for (TemplateAccess a : e.served)
            current.put(a, Math.min(current.get(a), usable(AccessPath.fractionRead(e.columns, a))));
        chosen.add(new Chosen(e.columns, e.inlineSize, e.saved, cost.indexBytes(e.inlineSize), e.served, e.share));
    }

    private int structuresUsed() {
        return chosen.size() + derivedChosen.size();
    }

    /** An index that leaves more than the threshold to read is no better than a scan. */
    private double usable(double fraction) {
        return fraction <= settings.maxIndexSelectivity() ? fraction : 1;
    }
}
