package dev.autopilot.adaptation.mining;

import java.util.List;

/**
 * A template's filters on one table, with its rate: what an index on that table is judged against.
 *
 * @param load the template and its load
 * @param perSecond executions per second
 * @param terms its conjunctive filters on the table, one per key
 */
public record TemplateAccess(TemplateLoad load, double perSecond, List<Term> terms) {
    public TemplateAccess {
        terms = List.copyOf(terms);
    }

    /** @return the filter on {@code key}, or {@code null} */
    public Term term(String key) {
        return terms.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }
}
