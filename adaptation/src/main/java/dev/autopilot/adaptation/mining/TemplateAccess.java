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

import java.util.List;
import dev.autopilot.sql.expression.DerivedExpression;

/**
 * A template's filters on one table, with its rate: what an index on that table is judged against.
 *
 * @param load the template and its load
 * @param perSecond executions per second
 * @param terms its conjunctive filters on the table, one per key
 * @param computed the derived expressions it computes for each row it returns or groups
 */
public record TemplateAccess(TemplateLoad load, double perSecond, List<Term> terms, List<DerivedExpression> computed) {
    public TemplateAccess {
        terms = List.copyOf(terms);
        computed = List.copyOf(computed);
    }

    /** @return the estimated fraction of the table's rows that pass all its filters */
    public double fractionKept() {
        return terms.stream().mapToDouble(Term::selectivity).reduce(1, (a, b) -> a * b);
    }

    /** @return the filter on {@code key}, or {@code null} */
    public Term term(String key) {
        return terms.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }
}
