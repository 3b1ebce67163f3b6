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
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proposes, per template, the composite index a DBA would write for it: its equality keys first, most selective
 * first, then its most selective range key. Candidates that an existing index already provides (as itself or as a
 * prefix), and candidates that are a prefix of another candidate, are dropped: the longer index serves both.
 */
final class IndexCandidates {
    private IndexCandidates() {
    }

    /**
     * @param accesses the templates on one table
     * @param existing the column lists of the table's existing indexes, primary key included
     * @return distinct candidate column lists, in the order of the templates that asked for them
     */
    static List<List<String>> propose(List<TemplateAccess> accesses, List<List<String>> existing) {
        Set<List<String>> all = new LinkedHashSet<>();
        for (TemplateAccess a : accesses) {
            List<String> c = forTemplate(a);
            if (!c.isEmpty())
                all.add(c);
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> c : all) {
            boolean provided = existing.stream().anyMatch(e -> AccessPath.isPrefix(c, e));
            boolean covered = all.stream().anyMatch(o -> o.size() > c.size() && AccessPath.isPrefix(c, o));
            if (!provided && !covered)
                out.add(c);
        }
        return out;
    }

    /** @return the index columns that serve {@code a} best, or none */
    static List<String> forTemplate(TemplateAccess a) {
        Comparator<Term> bySelectivity = Comparator.comparingDouble(Term::selectivity).thenComparing(Term::key);
        List<String> columns = new ArrayList<>();
        a.terms().stream().filter(Term::equality).sorted(bySelectivity).forEach(t -> columns.add(t.key()));
        a.terms().stream().filter(t -> !t.equality()).min(bySelectivity).ifPresent(t -> columns.add(t.key()));
        return columns;
    }
}
