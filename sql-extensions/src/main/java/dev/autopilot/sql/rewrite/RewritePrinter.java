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

import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.SqlWriterConfig;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.ignite.internal.processors.query.calcite.CalciteQueryProcessor;

/**
 * Prints a rewritten statement so that Ignite's parser reads it back to the same tree: on one line, identifiers
 * quoted exactly when unquoted spelling would change them (lower case, special characters, keywords), table hints
 * kept.
 */
final class RewritePrinter {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_$]*");

    private static final SqlAbstractParserImpl.Metadata GRAMMAR =
        SqlParser.create("", CalciteQueryProcessor.FRAMEWORK_CONFIG.getParserConfig()).getMetadata();

    private static final SqlDialect DIALECT = new SqlDialect(SqlDialect.EMPTY_CONTEXT
        .withIdentifierQuoteString("\"")) {
        @Override protected boolean identifierNeedsQuote(String val) {
            return !PLAIN_IDENTIFIER.matcher(val).matches() || GRAMMAR.isKeyword(val);
        }

        /** Calcite's default dialect drops table hints; printed as the query-level ones are. */
        @Override public void unparseTableScanHints(SqlWriter writer, SqlNodeList hints, int leftPrec,
            int rightPrec) {
            writer.sep("/*+");
            hints.unparse(writer, 0, 0);
            writer.print("*/ ");
        }
    };

    private RewritePrinter() {
    }

    static String print(SqlNode node) {
        return node.toSqlString(c -> c.withDialect(DIALECT)
            .withAlwaysUseParentheses(false)
            .withSelectListItemsOnSeparateLines(false)
            .withUpdateSetListNewline(false)
            .withValuesListNewline(false)
            .withIndentation(0)
            .withClauseStartsLine(false)
            .withClauseEndsLine(false)
            .withQuoteAllIdentifiers(false)
            .withLineFolding(SqlWriterConfig.LineFolding.WIDE)
            .withFromFolding(SqlWriterConfig.LineFolding.WIDE)
            .withValuesFolding(SqlWriterConfig.LineFolding.WIDE)
            .withLineLength(Integer.MAX_VALUE)).getSql();
    }
}
