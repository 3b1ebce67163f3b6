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

package dev.autopilot.adaptation.mining;

import dev.autopilot.sql.expression.DerivedExpression;

/**
 * One filter of a template on one key an index could order by: a plain column, or a derived expression that a
 * derived attribute would hold.
 *
 * @param key the index column that would serve it: the column name, or the derived attribute's name
 * @param expression the filtered expression
 * @param equality whether it fixes one value (=, IN, IS NULL) rather than a range
 * @param selectivity estimated fraction of the table's rows it keeps
 */
public record Term(String key, DerivedExpression expression, boolean equality, double selectivity) {
    /** @return whether serving it needs a derived attribute */
    public boolean derived() {
        return !expression.plainColumn();
    }
}
