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

package dev.autopilot.sql.layout;

import java.util.List;
import dev.autopilot.sql.schema.TableSchema;

/**
 * What Autopilot added to one partition (a table and its cache), at one version: the structures the rewriter may
 * use and the ones it must hide from the user.
 *
 * @param table the table as the user defined it: its own columns only, in declaration order, without derived ones
 * @param version grows by one with every change of this layout
 * @param derived the derived columns physically present, in the order they were added
 * @param indexes the indexes Autopilot created
 * @param rewritable {@code false} while a write path that bypasses derivation may have left a derived value stale
 */
public record PartitionLayout(TableSchema table, long version, List<DerivedColumn> derived, List<LayoutIndex> indexes,
    boolean rewritable) {
    public PartitionLayout {
        derived = List.copyOf(derived);
        indexes = List.copyOf(indexes);
    }

    /** @return the derived columns queries may read */
    public List<DerivedColumn> readyColumns() {
        return rewritable ? derived.stream().filter(DerivedColumn::ready).toList() : List.of();
    }
}
