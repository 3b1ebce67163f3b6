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
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * A deep copy of a statement for the rules to change in place, so that the caller's tree stays as it was even when a
 * rule gives up half way. Literals and parameters are immutable and shared; {@code ?} keep their indexes.
 */
final class TreeCopy extends SqlShuttle {
    private static final TreeCopy INSTANCE = new TreeCopy();

    private TreeCopy() {
    }

    static SqlNode of(SqlNode node) {
        return node.accept(INSTANCE);
    }

    @Override public SqlNode visit(SqlCall call) {
        if (call instanceof SqlMerge m)
            return merge(m);
        if (call instanceof SqlUpdate u)
            return update(u);
        if (call instanceof SqlDelete d)
            return new SqlDelete(d.getParserPosition(), copy(d.getTargetTable()), copy(d.getCondition()),
                (SqlSelect)copy(d.getSourceSelect()), (SqlIdentifier)copy(d.getAlias()));
        CallCopyingArgHandler copy = new CallCopyingArgHandler(call, true);
        call.getOperator().acceptCall(this, call, false, copy);
        SqlNode result = copy.result();
        // An operator that cannot rebuild its own call class would lose what the rules look for.
        if (result.getClass() != call.getClass())
            throw new IllegalStateException("cannot copy " + call.getClass().getSimpleName());
        return result;
    }

    /** The operators of MERGE, UPDATE and DELETE rebuild plain calls, not their own classes. */
    private SqlNode merge(SqlMerge m) {
        return new SqlMerge(m.getParserPosition(), copy(m.getTargetTable()), copy(m.getCondition()),
            copy(m.getSourceTableRef()), (SqlUpdate)copy(m.getUpdateCall()), (SqlInsert)copy(m.getInsertCall()),
            (SqlSelect)copy(m.getSourceSelect()), (SqlIdentifier)copy(m.getAlias()));
    }

    private SqlNode update(SqlUpdate u) {
        return new SqlUpdate(u.getParserPosition(), copy(u.getTargetTable()), (SqlNodeList)copy(u.getTargetColumnList()),
            (SqlNodeList)copy(u.getSourceExpressionList()), copy(u.getCondition()), (SqlSelect)copy(u.getSourceSelect()),
            (SqlIdentifier)copy(u.getAlias()));
    }

    private SqlNode copy(SqlNode n) {
        return n == null ? null : n.accept(this);
    }

    @Override public SqlNode visit(SqlNodeList list) {
        List<SqlNode> items = new ArrayList<>(list.size());
        for (SqlNode n : list)
            items.add(copy(n));
        return new SqlNodeList(items, list.getParserPosition());
    }

    @Override public SqlNode visit(SqlIdentifier id) {
        return id.clone(id.getParserPosition());
    }
}
