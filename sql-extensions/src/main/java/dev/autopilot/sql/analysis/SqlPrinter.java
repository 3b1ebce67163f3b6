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

package dev.autopilot.sql.analysis;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/** Prints SQL fragments the way the query log shows them: one line, identifiers unquoted, qualifiers optional. */
public final class SqlPrinter {
    /** A dialect that quotes nothing, so that {@code a.b} prints as {@code A.B}, not {@code "A"."B"}. */
    private static final SqlDialect PLAIN = new SqlDialect(SqlDialect.EMPTY_CONTEXT);

    private static final SqlShuttle STRIP_QUALIFIERS = new SqlShuttle() {
        @Override public SqlNode visit(SqlIdentifier id) {
            return id.isSimple() || id.isStar() ? id : new SqlIdentifier(id.names.get(id.names.size() - 1),
                id.getParserPosition());
        }
    };

    private SqlPrinter() {
    }

    /** @return the node on one line */
    public static String print(SqlNode node) {
        return node.toSqlString(c -> c.withDialect(PLAIN)
            .withAlwaysUseParentheses(false)
            .withSelectListItemsOnSeparateLines(false)
            .withUpdateSetListNewline(false)
            .withValuesListNewline(false)
            .withIndentation(0)
            .withClauseStartsLine(false)
            .withClauseEndsLine(false)
            .withQuoteAllIdentifiers(false)).getSql();
    }

    /** @return the node on one line, with {@code t.col} printed as {@code col} */
    static String printUnqualified(SqlNode node) {
        return print(node.accept(STRIP_QUALIFIERS));
    }
}
