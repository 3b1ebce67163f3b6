package dev.autopilot.adaptation.mining;

import dev.autopilot.sql.expression.DerivedExpression;

/**
 * One filter of a template on one key an index could order by: a plain column, or a derived expression that a
 * derived attribute would hold.
 *
 * @param key the index column that would serve it: the column name, or the derived attribute's name
 * @param expression the filtered expression
 * @param equality whether it fixes one value (=, IN, IS NULL) rather than a range
 * @param selectivity estimated fraction of the table's rows it keeps
 */
public record Term(String key, DerivedExpression expression, boolean equality, double selectivity) {
    /** @return whether serving it needs a derived attribute */
    public boolean derived() {
        return !expression.plainColumn();
    }
}
