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
 * The structures Autopilot proposes for one partition (a managed table and its cache), in the JSON shape the product
 * defines: derived attributes, indexes, and {@code composite_index}, the columns of the most valuable index. A
 * profile is per partition, never a global schema change; two partitions with different workloads get different
 * profiles. {@link ProfileCodec} reads and writes it; {@link ProfileValidator} decides whether an imported one may be
 * stored.
 *
 * @param partitionId the partition: the cache that holds the table
 * @param table {@code SCHEMA.TABLE}
 * @param version increases with every profile of the same partition
 * @param basedOn the window and query count it was computed from
 * @param derivedAttributes the columns to add
 * @param indexes the indexes to create
 * @param compositeIndex the columns of the most valuable index, empty when there is none
 * @param expectedBenefit the sum over all its structures
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaProfile(
    @JsonProperty("partition_id") String partitionId,
    @JsonProperty("table") String table,
    @JsonProperty("version") Long version,
    @JsonProperty("based_on") BasedOn basedOn,
    @JsonProperty("derived_attributes") List<DerivedAttribute> derivedAttributes,
    @JsonProperty("indexes") List<IndexRecommendation> indexes,
    @JsonProperty("composite_index") List<String> compositeIndex,
    @JsonProperty("expected_benefit") Benefit expectedBenefit
) {
    /** @return whether it proposes no structure at all */
    public boolean empty() {
        return (derivedAttributes == null || derivedAttributes.isEmpty()) && (indexes == null || indexes.isEmpty());
    }
}
