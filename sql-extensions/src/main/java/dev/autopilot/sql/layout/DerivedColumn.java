package dev.autopilot.sql.layout;

import dev.autopilot.sql.expression.DerivedExpression;

/**
 * A real column of a partition that holds the value of an expression over the partition's own columns.
 *
 * @param name the column name (upper case, {@code AP_...})
 * @param expression what it holds
 * @param state whether queries may read it instead of the expression
 */
public record DerivedColumn(String name, DerivedExpression expression, ColumnState state) {
    /** @return whether the rewriter may use it */
    public boolean ready() {
        return state == ColumnState.READY;
    }

    /** @return this column in {@code next} */
    public DerivedColumn in(ColumnState next) {
        return new DerivedColumn(name, expression, next);
    }
}
