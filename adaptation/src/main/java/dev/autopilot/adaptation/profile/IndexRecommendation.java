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

import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A secondary index a profile adds to its table.
 *
 * @param name the index name: a SQL identifier, stable for the same table and columns
 * @param columns its columns in order: table columns or names of the profile's derived attributes
 * @param inlineSize the suggested {@code INLINE_SIZE} in bytes (0 lets Ignite choose)
 * @param reason why it is proposed: the templates it serves (may be omitted on import)
 * @param benefit what it saves and costs (may be omitted on import)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexRecommendation(
    @JsonProperty("name") String name,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("inline_size") Integer inlineSize,
    @JsonProperty("reason") String reason,
    @JsonProperty("benefit") Benefit benefit
) {
}
