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

import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * One SELECT with what it sees: its FROM scope and the ORDER BY list that the parser keeps outside the SELECT.
 *
 * @param select the block, changed in place by the rules (it is the rewriter's own copy)
 * @param orderList the ORDER BY items that apply to it, {@code null} if none
 * @param scope the relations of its FROM clause, and the enclosing blocks'
 * @param statement whether it is the statement itself (under an ORDER BY or not), the only block whose unaliased
 *     items Ignite names by their text (see {@link OutputNames})
 */
record QueryBlock(SqlSelect select, SqlNodeList orderList, Scope scope, boolean statement) {
}
