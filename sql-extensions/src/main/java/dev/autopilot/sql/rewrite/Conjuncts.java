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

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/** The conjuncts of a filter: what rules that read a WHERE clause predicate by predicate walk over. */
final class Conjuncts {
    private Conjuncts() {
    }

    /** @return the operands of {@code filter}'s nested ANDs, in order; {@code filter} itself when it is no AND */
    static List<SqlNode> of(SqlNode filter) {
        List<SqlNode> out = new ArrayList<>();
        flatten(filter, out);
        return out;
    }

    private static void flatten(SqlNode n, List<SqlNode> out) {
        if (n.getKind() == SqlKind.AND) {
            for (SqlNode operand : ((SqlCall)n).getOperandList())
                flatten(operand, out);
        }
        else
            out.add(n);
    }
}
