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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.sql.expression.ProfileValidationException;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.analysis.Predicate;

/**
 * Reads the filters of a template that an index on one table could serve: conjunctive (not under an OR) filters on
 * that table's columns or on allowed expressions over them, compared by {@code = IN IS NULL < <= > >= BETWEEN}. Two
 * one-sided ranges on the same key ({@code d >= ? AND d < ?}) make one two-sided range. Expressions that are not
 * allowed derived expressions (other tables, functions outside the grammar) are left out: they are no candidates.
 */
final class TermExtractor {
    private final TableSchema table;
    private final SelectivityEstimator estimator;

    TermExtractor(TableSchema table, SelectivityEstimator estimator) {
        this.table = table;
        this.estimator = estimator;
    }

    /** Where the filters on one key stand while a template's predicates are read. */
    private static final class KeyFilters {
        final DerivedExpression expression;
        double equality = Double.NaN;
        boolean lower;
        boolean upper;
        boolean between;

        KeyFilters(DerivedExpression expression) {
            this.expression = expression;
        }
    }

    /** @return the index-servable filters of {@code load} on the table, one per key */
    List<Term> terms(TemplateLoad load) {
        Map<String, KeyFilters> byKey = new LinkedHashMap<>();
        for (Predicate p : load.shape().predicates()) {
            if (p.disjunctive() || p.table() == null || !p.table().equalsIgnoreCase(table.table()))
                continue;
            DerivedExpression e = expression(p.expression());
            if (e == null)
                continue;
            String key = e.plainColumn() ? e.canonical() : e.name();
            KeyFilters f = byKey.computeIfAbsent(key, k -> new KeyFilters(e));
            switch (p.operator()) {
                case "=" -> f.equality = min(f.equality, estimator.equality(e));
                case "IN" -> {
                    // IN (subquery) has no placeholders: how many values it yields is unknown.
                    if (!p.placeholders().isEmpty())
                        f.equality = min(f.equality, estimator.in(e, p.placeholders().size()));
                }
                case "IS NULL" -> f.equality = min(f.equality, estimator.isNull(e));
                case "<", "<=" -> f.upper = true;
                case ">", ">=" -> f.lower = true;
                case "BETWEEN" -> f.between = true;
                default -> {
                    // <>, LIKE, NOT IN, IS NOT NULL: an index does not narrow these much.
                }
            }
        }
        List<Term> out = new ArrayList<>();
        byKey.forEach((key, f) -> {
            if (!Double.isNaN(f.equality))
                out.add(new Term(key, f.expression, true, f.equality));
            else if (f.between || f.lower || f.upper)
                out.add(new Term(key, f.expression, false, estimator.range(f.expression, f.between || f.lower && f.upper)));
        });
        return out;
    }

    private DerivedExpression expression(String text) {
        try {
            return DerivedExpression.parse(text, table, "predicate");
        }
        catch (ProfileValidationException e) {
            return null;
        }
    }

    private static double min(double current, double candidate) {
        return Double.isNaN(current) ? candidate : Math.min(current, candidate);
    }
}
