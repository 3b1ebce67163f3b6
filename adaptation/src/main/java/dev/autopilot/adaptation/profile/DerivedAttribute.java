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

package dev.autopilot.adaptation.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A column a profile adds to its table, holding the value of an expression over the table's other columns.
 *
 * @param name the column's name: a SQL identifier, by default the stable name of the canonical expression
 * @param expression the expression in canonical SQL
 * @param type its SQL type, inferred from the expression (may be omitted on import)
 * @param reason why it is proposed: the templates that filter on it (may be omitted on import)
 * @param benefit its cost and, through the indexes that use it, its share of the gain (may be omitted on import)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DerivedAttribute(
    @JsonProperty("name") String name,
    @JsonProperty("expression") String expression,
    @JsonProperty("type") String type,
    @JsonProperty("reason") String reason,
    @JsonProperty("benefit") Benefit benefit
) {
}
