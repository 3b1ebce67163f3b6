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
import dev.autopilot.sql.schema.TableSchema;

/**
 * Shortens the rewriter's table wrappers in a text, so golden tests state what differs between statements:
 * {@code (SELECT <every user column of T> [, AP_X...] FROM T AS A [WHERE p]) AS A} becomes {@code {T AS A [+AP_X...]
 * [WHERE p]}}. A wrapper whose column list is not exactly its table's user columns, in order, stays as it is.
 */
final class WrapperText {
    private WrapperText() {
    }

    static String compact(String sql, List<TableSchema> tables) {
        String out = sql;
        for (TableSchema t : tables)
            out = compact(out, "(SELECT " + String.join(", ", t.columns().keySet()));
        return out;
    }

    private static String compact(String sql, String head) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = sql.indexOf(head); at >= 0; at = sql.indexOf(head, from)) {
            int end = wrapperEnd(sql, at);
            if (end < 0) {
                out.append(sql, from, at + head.length());
                from = at + head.length();
                continue;
            }
            out.append(sql, from, at).append(shortForm(sql.substring(at + head.length(), end)));
            from = end;
        }
        return out.append(sql.substring(from)).toString();
    }

    /** @return the index just after {@code ) AS alias} closing the wrapper opened at {@code at}, or -1 */
    private static int wrapperEnd(String sql, int at) {
        int depth = 0;
        for (int i = at; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(')
                depth++;
            else if (c == ')' && --depth == 0) {
                String inner = sql.substring(at, i);
                int as = inner.lastIndexOf(" AS ");
                String alias = inner.substring(as + 4).split(" ")[0];
                String tail = ") AS " + alias;
                return sql.startsWith(tail, i) ? i + tail.length() : -1;
            }
        }
        return -1;
    }

    /** @param rest what follows the user columns: {@code [, AP_X...] FROM T AS A [WHERE p]) AS A} */
    private static String shortForm(String rest) {
        int fromAt = rest.indexOf(" FROM ");
        String extras = rest.substring(0, fromAt).replace(", ", " +");
        String body = rest.substring(fromAt + 6, rest.lastIndexOf(") AS "));
        return "{" + body.replaceFirst("^(\\S+ AS \\S+)", "$1" + extras) + "}";
    }
}
