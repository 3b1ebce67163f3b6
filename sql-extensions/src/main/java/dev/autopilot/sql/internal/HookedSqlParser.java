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

package dev.autopilot.sql.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import dev.autopilot.sql.StatementHook;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.ignite.internal.processors.query.calcite.sql.generated.IgniteSqlParserImpl;

/** Ignite's own parser, with every parsed statement passed through a {@link StatementHook}. */
final class HookedSqlParser extends IgniteSqlParserImpl {
    private final StatementHook hook;

    HookedSqlParser(Reader reader, StatementHook hook) {
        super(reader);
        this.hook = hook;
    }

    @Override public SqlNodeList parseSqlStmtList() throws Exception {
        SqlNodeList stmts = super.parseSqlStmtList();
        List<SqlNode> hooked = new ArrayList<>(stmts.size());
        boolean changed = false;

        for (SqlNode stmt : stmts) {
            SqlNode out = hook.onParsed(getOriginalSql(), stmt);
            changed |= out != stmt;
            hooked.add(out);
        }

        return changed ? new SqlNodeList(hooked, stmts.getParserPosition()) : stmts;
    }

    @Override public SqlNode parseSqlStmtEof() throws Exception {
        return hook.onParsed(getOriginalSql(), super.parseSqlStmtEof());
    }
}
