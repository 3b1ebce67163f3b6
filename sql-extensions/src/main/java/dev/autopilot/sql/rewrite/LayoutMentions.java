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

import dev.autopilot.sql.layout.LayoutSnapshot;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The early exit: whether any identifier of a statement ends in the name of a managed table. Statements that name
 * none (most, on a cluster where Autopilot manages a few tables) leave the rewriter after one walk over the tree,
 * without a copy.
 */
final class LayoutMentions extends SqlBasicVisitor<Void> {
    private final LayoutSnapshot layouts;
    private boolean found;

    private LayoutMentions(LayoutSnapshot layouts) {
        this.layouts = layouts;
    }

    static boolean any(SqlNode statement, LayoutSnapshot layouts) {
        LayoutMentions m = new LayoutMentions(layouts);
        statement.accept(m);
        return m.found;
    }

    @Override public Void visit(SqlIdentifier id) {
        if (!found && !id.isStar() && !layouts.bySimpleName(id.names.get(id.names.size() - 1)).isEmpty())
            found = true;
        return null;
    }
}
