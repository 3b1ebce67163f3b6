package dev.autopilot.adaptation.derive;

import dev.autopilot.sql.derived.DerivedValueFunction;

/** Compiles a derived column's expression on this node the way Ignite SQL compiles it. */
@FunctionalInterface
public interface FunctionCompiler {
    /**
     * @param schema the table's schema
     * @param table the table
     * @param expression canonical expression text over the table's columns
     * @return the compiled function
     */
    DerivedValueFunction compile(String schema, String table, String expression);
}
