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
