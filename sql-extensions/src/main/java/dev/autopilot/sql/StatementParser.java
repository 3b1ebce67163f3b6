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

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Parses SQL text with exactly the grammar and lexical rules of Ignite's Calcite engine. */
@FunctionalInterface
public interface StatementParser {
    /**
     * @param sql one or more statements
     * @return the parsed statements
     * @throws IllegalArgumentException naming the problem when the text is not valid SQL
     */
    List<SqlNode> parse(String sql);
}
