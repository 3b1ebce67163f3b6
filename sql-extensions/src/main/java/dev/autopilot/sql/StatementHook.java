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

package dev.autopilot.sql;

import org.apache.calcite.sql.SqlNode;

/**
 * Sees every SQL statement that reaches Ignite's Calcite engine on this node, after parsing and before planning,
 * whichever client sent it (JDBC thin, ODBC, thin client, {@code SqlFieldsQuery}). Ignite parses a statement only
 * when its plan is not cached yet, so a hook sees each distinct statement text, not each execution.
 */
@FunctionalInterface
public interface StatementHook {
    /**
     * @param originalSql the text the client sent (all statements of it, when it sent several)
     * @param stmt one parsed statement
     * @return the statement to plan: {@code stmt} itself, or a rewritten tree
     */
    SqlNode onParsed(String originalSql, SqlNode stmt);
}
