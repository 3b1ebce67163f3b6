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

package dev.autopilot.examples.workload;

/**
 * How a template's parameters reach the server. Some clients bind {@code ?} parameters, others send every value
 * as a literal in a new SQL text; the two look very different to a plan cache and to a query rewriter, so a
 * workload can choose per template or for the whole run.
 */
public enum ParameterStyle {
    /** A {@code PreparedStatement} with {@code ?} parameters: one SQL text per template. */
    BIND,

    /** A plain {@code Statement} with the values written into the SQL text: a new text per value combination. */
    INLINE
}
