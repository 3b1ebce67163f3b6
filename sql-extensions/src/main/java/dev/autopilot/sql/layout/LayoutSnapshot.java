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

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An immutable view of every partition's layout, read by the rewriter on each statement it sees without a cluster
 * round trip. A new snapshot replaces the old one whole.
 */
public final class LayoutSnapshot {
    /** No partition has any Autopilot structure. */
    public static final LayoutSnapshot EMPTY = new LayoutSnapshot(0, List.of());

    private final long version;
    private final Map<String, PartitionLayout> byTable;
    private final Map<String, List<PartitionLayout>> bySimpleName;

    /**
     * @param version grows with every change of any layout
     * @param layouts one per table
     */
    public LayoutSnapshot(long version, Collection<PartitionLayout> layouts) {
        this.version = version;
        this.byTable = layouts.stream().collect(Collectors.toUnmodifiableMap(l -> l.table().table(), l -> l));
        this.bySimpleName = layouts.stream().collect(Collectors.groupingBy(l -> l.table().simpleName(),
            Collectors.toUnmodifiableList()));
    }

    /** @return grows with every change of any layout */
    public long version() {
        return version;
    }

    /** @return the layout of {@code SCHEMA.TABLE}, or {@code null} when Autopilot added nothing to it */
    public PartitionLayout table(String qualifiedName) {
        return byTable.get(qualifiedName);
    }

    /** @return the layouts of tables called {@code simpleName} in any schema */
    public List<PartitionLayout> bySimpleName(String simpleName) {
        return bySimpleName.getOrDefault(simpleName, List.of());
    }

    /** @return every layout */
    public Collection<PartitionLayout> all() {
        return byTable.values();
    }

    /** @return whether no partition has any Autopilot structure */
    public boolean isEmpty() {
        return byTable.isEmpty();
    }
}
