package dev.autopilot.sql.rewrite;

import org.apache.calcite.sql.SqlNode;

/** A rewrite of a whole statement (not of its query blocks), such as the target column list of an INSERT. */
interface StatementRule {
    /** @return the name reported in {@link Rewrite#rules()} */
    String name();

    /** @return whether the rule has anything to do in {@code statement} */
    boolean matches(SqlNode statement, RewriteContext cx);

    /** Changes {@code statement} in place. */
    void apply(SqlNode statement, RewriteContext cx);
}
