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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import dev.autopilot.adaptation.cost.CostModel;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.expression.DerivedNames;
import dev.autopilot.adaptation.profile.BasedOn;
import dev.autopilot.adaptation.profile.Benefit;
import dev.autopilot.adaptation.profile.DerivedAttribute;
import dev.autopilot.adaptation.profile.IndexRecommendation;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.schema.TableSchema;

/**
 * The Schema Profile Generator: from one window of workload, a {@link SchemaProfile} per partition (managed table)
 * with the derived attributes and composite indexes that window's templates would gain from, each with its
 * estimated benefit and cost. A profile is the partition's whole set of structures: what Autopilot built before is
 * in it again only when the window still gains from it. It only proposes; storing and applying profiles is the
 * adaptation manager's job.
 * Deterministic: the same snapshot and settings give the same profiles.
 */
public final class ProfileGenerator {
    private final GeneratorSettings settings;

    /** @param settings budgets and thresholds per partition */
    public ProfileGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** @return a profile per table of the snapshot, in the snapshot's order (empty profiles included) */
    public List<SchemaProfile> generate(WorkloadSnapshot snapshot) {
        return snapshot.tables().stream().map(t -> generate(snapshot, t)).toList();
    }

    /** @return the profile of one table of {@code snapshot} */
    public SchemaProfile generate(WorkloadSnapshot snapshot, TableWorkload workload) {
        TableSchema table = workload.schema();
        long rows = workload.statistics().rows();
        TermExtractor extractor = new TermExtractor(table, new SelectivityEstimator(workload.statistics()));
        List<TemplateAccess> accesses = new ArrayList<>();
        long queries = 0;
        for (TemplateLoad load : workload.templates()) {
            if (load.executions() <= 0)
                continue;
            queries += load.executions();
            accesses.add(new TemplateAccess(load, load.executions() / snapshot.seconds(), extractor.terms(load),
                ComputedExpressions.of(load, table)));
        }

        AutopilotStructures built = workload.autopilot();
        IndexSelection selection = new IndexSelection(table, accesses, built, settings, rows,
            workload.writesPerSecond());
        List<List<String>> provided = new ArrayList<>(table.existingIndexes());
        provided.addAll(built.indexes());
        // Autopilot's own indexes compete first: on a tie, keeping one beats building its equal.
        List<List<String>> candidates = new ArrayList<>(built.indexes());
        candidates.addAll(IndexCandidates.propose(accesses, provided));
        selection.run(candidates);

        CostModel cost = selection.cost();
        double writes = workload.writesPerSecond();
        List<IndexRecommendation> indexes = new ArrayList<>();
        Benefit total = Benefit.NONE;
        for (IndexSelection.Chosen c : selection.chosen()) {
            Benefit b = Benefit.of(c.rowsSavedPerSecond(), c.memoryBytes(), writes,
                c.rowsSavedPerSecond() - cost.writeCost(writes, 1));
            indexes.add(new IndexRecommendation(DerivedNames.indexName(table.simpleName(), c.columns()), c.columns(),
                c.inlineSize(), indexReason(c, rows), b));
            total = total.plus(b);
        }

        List<DerivedAttribute> derived = new ArrayList<>();
        for (Map.Entry<String, DerivedExpression> d : selection.derived().entrySet()) {
            List<IndexSelection.Chosen> users = selection.chosen().stream()
                .filter(c -> c.columns().contains(d.getKey())).toList();
            double computation = selection.computeSaved(d.getKey());
            double enabled = users.stream().mapToDouble(IndexSelection.Chosen::rowsSavedPerSecond).sum() + computation;
            Benefit b = Benefit.of(enabled, cost.columnBytes(d.getValue().type()), writes,
                enabled - cost.writeCost(writes, 1));
            derived.add(new DerivedAttribute(d.getKey(), d.getValue().canonical(), d.getValue().type().toString(),
                derivedReason(d.getKey(), accesses, users, selection.computing(d.getKey()), table), b));
            // The index savings an attribute enables are counted with the index; its own are its computation.
            total = total.plus(Benefit.of(computation, b.memoryBytes(), b.writeAmplification(),
                computation - cost.writeCost(writes, 1)));
        }

        List<String> composite = indexes.isEmpty() ? List.of() : indexes.get(0).columns();
        return new SchemaProfile(table.cacheName(), table.table(), snapshot.windowEnd(),
            new BasedOn(snapshot.windowStart(), snapshot.windowEnd(), queries), derived, indexes, composite, total);
    }

    private static String indexReason(IndexSelection.Chosen c, long rows) {
        double worst = c.served().stream().mapToDouble(a -> AccessPath.fractionRead(c.columns(), a)).max().orElse(1);
        long executions = c.served().stream().mapToLong(a -> a.load().executions()).sum();
        double latency = c.served().stream()
            .mapToDouble(a -> a.load().meanLatencyMillis() * a.load().executions()).sum() / Math.max(1, executions);
        return String.format(Locale.ROOT, "serves %s (%.0f%% of the table's query time, mean latency %.1f ms); each reads at most "
            + "%.2f%% of %d rows", templates(c.served()), c.timeShare() * 100, latency, worst * 100, rows);
    }

    private static String derivedReason(String key, List<TemplateAccess> accesses, List<IndexSelection.Chosen> users,
        List<TemplateAccess> computing, TableSchema table) {
        List<String> parts = new ArrayList<>();
        List<TemplateAccess> filtering = accesses.stream().filter(a -> a.term(key) != null).toList();
        if (!filtering.isEmpty())
            parts.add("filtered by " + templates(filtering));
        if (!computing.isEmpty())
            parts.add("computed for each row by " + templates(computing));
        if (!users.isEmpty()) {
            parts.add("key of " + users.stream().map(c -> DerivedNames.indexName(table.simpleName(), c.columns()))
                .collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }

    private static String templates(List<TemplateAccess> accesses) {
        return accesses.stream().map(a -> a.load().templateId()).collect(Collectors.joining(", ", "templates ", ""));
    }
}
