package dev.autopilot.sql.rewrite;

import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * One SELECT with what it sees: its FROM scope and the ORDER BY list that the parser keeps outside the SELECT.
 *
 * @param select the block, changed in place by the rules (it is the rewriter's own copy)
 * @param orderList the ORDER BY items that apply to it, {@code null} if none
 * @param scope the relations of its FROM clause, and the enclosing blocks'
 */
record QueryBlock(SqlSelect select, SqlNodeList orderList, Scope scope) {
}
