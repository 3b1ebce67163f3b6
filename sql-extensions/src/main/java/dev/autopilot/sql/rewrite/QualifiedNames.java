package dev.autopilot.sql.rewrite;

import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Shortens {@code SCHEMA.T.C} (and {@code SCHEMA.T.*}) to {@code T.C} in a block, in place, once its FROM item
 * {@code SCHEMA.T} became a wrapper called {@code T}: the wrapper has no schema, so the long name would not resolve.
 */
final class QualifiedNames {
    private QualifiedNames() {
    }

    /** @param tables the schema-qualified names ({@code [SCHEMA, T]}) of the block's wrapped, unaliased tables */
    static void shorten(QueryBlock block, Set<List<String>> tables) {
        shorten(block.select(), tables);
        if (block.orderList() != null)
            shorten(block.orderList(), tables);
    }

    private static void shorten(SqlNode node, Set<List<String>> tables) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                SqlIdentifier shorter = shorter(item, tables);
                if (shorter != null)
                    list.set(i, shorter);
                else if (item != null)
                    shorten(item, tables);
            }
        }
        else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                SqlIdentifier shorter = shorter(operand, tables);
                if (shorter != null)
                    call.setOperand(i, shorter);
                else if (operand != null)
                    shorten(operand, tables);
            }
        }
    }

    private static SqlIdentifier shorter(SqlNode node, Set<List<String>> tables) {
        if (node instanceof SqlIdentifier id && id.names.size() >= 3 && tables.contains(id.names.subList(0, 2)))
            return id.getComponent(1, id.names.size());
        return null;
    }
}
