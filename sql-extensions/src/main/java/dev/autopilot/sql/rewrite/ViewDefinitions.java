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
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateView;
import org.apache.calcite.sql.ddl.SqlDdlNodes;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Writes out a view's definition so that it lists the user's columns of every table it reads, whether or not the
 * table has derived columns now. Ignite keeps a view as its text and types it twice at each use: once from its text
 * as written, outside Autopilot's parser, and once through it. A {@code SELECT *} over a table that has, or later
 * gets, derived columns would give the two different columns; a wrapper of the user's columns gives both the same
 * ones. Nothing else changes: the stored text reads no derived column, which a later adaptation could retire.
 */
final class ViewDefinitions {
    private ViewDefinitions() {
    }

    /** @return the view with every table it reads wrapped, or {@code view} itself when it reads no known table */
    static Rewrite rewrite(SqlCreateView view, TableCatalog catalog) {
        LayoutSnapshot tables = tablesRead(view.query, catalog);
        if (tables.isEmpty())
            return Rewrite.unchanged(view);
        SqlNode query = TreeCopy.of(view.query);
        RewriteContext cx = RewriteContext.wrappingEveryTable(tables);
        new QueryWalker(List.of(), cx).query(query, null);
        if (!cx.changed())
            return Rewrite.unchanged(view);
        return Rewrite.changed(SqlDdlNodes.createView(view.getParserPosition(), view.getReplace(), view.name,
            view.columnList, query), cx.firedRules(), cx.usedColumns());
    }

    /** @return a layout without structures for every table of the catalog that a name in {@code query} may mean */
    private static LayoutSnapshot tablesRead(SqlNode query, TableCatalog catalog) {
        List<PartitionLayout> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        query.accept(new SqlBasicVisitor<Void>() {
            @Override public Void visit(SqlIdentifier id) {
                if (id.isStar() || id.names.size() > 2)
                    return null;
                List<String> candidates = id.names.size() == 2 ? List.of(id.names.get(0) + '.' + id.names.get(1))
                    : catalog.named(id.getSimple());
                for (String qualified : candidates) {
                    if (seen.contains(qualified))
                        continue;
                    seen.add(qualified);
                    TableSchema t = catalog.table(qualified);
                    if (t != null)
                        out.add(new PartitionLayout(t, 0, List.of(), List.of(), false));
                }
                return null;
            }
        });
        return new LayoutSnapshot(0, out);
    }
}
