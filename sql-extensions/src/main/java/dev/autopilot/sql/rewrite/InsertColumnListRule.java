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
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * An INSERT (or the INSERT branch of a MERGE) without a column list fills every column of its target in order; once
 * the target has derived columns that would be more columns than the user's values. This rule writes out the user's
 * own columns, in declaration order, as the target column list.
 */
final class InsertColumnListRule implements StatementRule {
    @Override public String name() {
        return "InsertColumnList";
    }

    @Override public boolean matches(SqlNode statement, RewriteContext cx) {
        return insertWithoutColumns(statement) != null && targetLayout(statement, cx) != null;
    }

    @Override public void apply(SqlNode statement, RewriteContext cx) {
        PartitionLayout layout = targetLayout(statement, cx);
        List<SqlNode> columns = new ArrayList<>();
        for (String c : layout.table().columns().keySet())
            columns.add(new SqlIdentifier(c, SqlParserPos.ZERO));
        // SqlInsert keeps its target column list as operand 3.
        insertWithoutColumns(statement).setOperand(3, new SqlNodeList(columns, SqlParserPos.ZERO));
    }

    private static SqlInsert insertWithoutColumns(SqlNode statement) {
        SqlInsert insert = statement instanceof SqlInsert i ? i
            : statement instanceof SqlMerge m ? m.getInsertCall() : null;
        return insert != null && insert.getTargetColumnList() == null ? insert : null;
    }

    private static PartitionLayout targetLayout(SqlNode statement, RewriteContext cx) {
        SqlNode target = statement instanceof SqlInsert i ? i.getTargetTable() : ((SqlMerge)statement).getTargetTable();
        SqlIdentifier table = QueryWalker.tableName(target);
        PartitionLayout layout = table == null ? null : cx.layoutOf(table);
        return layout != null && !layout.derived().isEmpty() ? layout : null;
    }
}
