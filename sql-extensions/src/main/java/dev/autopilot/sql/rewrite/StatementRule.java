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

import org.apache.calcite.sql.SqlNode;

/** A rewrite of a whole statement (not of its query blocks), such as the target column list of an INSERT. */
interface StatementRule {
    /** @return the name reported in {@link Rewrite#rules()} */
    String name();

    /** @return whether the rule has anything to do in {@code statement} */
    boolean matches(SqlNode statement, RewriteContext cx);

    /** Changes {@code statement} in place. */
    void apply(SqlNode statement, RewriteContext cx);
}
