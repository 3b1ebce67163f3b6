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

package dev.autopilot.adaptation.derive;

import dev.autopilot.sql.derived.DerivedValueFunction;

/** Compiles a derived column's expression on this node the way Ignite SQL compiles it. */
@FunctionalInterface
public interface FunctionCompiler {
    /**
     * @param schema the table's schema
     * @param table the table
     * @param expression canonical expression text over the table's columns
     * @return the compiled function
     */
    DerivedValueFunction compile(String schema, String table, String expression);
}
