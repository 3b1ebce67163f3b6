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
import org.apache.calcite.sql.util.SqlBasicVisitor;

/** Finds the outermost queries inside expressions, without entering them: each is a block tree of its own. */
final class Subqueries extends SqlBasicVisitor<Void> {
    private final List<SqlNode> found;

    private Subqueries(List<SqlNode> found) {
        this.found = found;
    }

    /** @return the outermost queries inside {@code clauses} (null clauses are skipped), in the order met */
    static List<SqlNode> outermost(SqlNode... clauses) {
        List<SqlNode> found = new ArrayList<>();
        into(found, clauses);
        return found;
    }

    /** Adds the outermost queries inside {@code clauses} to {@code found}. */
    static void into(List<SqlNode> found, SqlNode... clauses) {
        Subqueries finder = new Subqueries(found);
        for (SqlNode clause : clauses) {
            if (clause != null)
                clause.accept(finder);
        }
    }

    @Override public Void visit(SqlCall call) {
        if (call.isA(SqlKind.QUERY)) {
            found.add(call);
            return null;
        }
        return super.visit(call);
    }
}
