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
    private final Map<String, Long> layoutVersions;

    /**
     * @param version grows with every change of any layout
     * @param layouts one per table
     */
    public LayoutSnapshot(long version, Collection<PartitionLayout> layouts) {
        this(version, layouts, layouts.stream().collect(Collectors.toMap(l -> l.table().table(),
            PartitionLayout::version)));
    }

    /**
     * @param version grows with every change of any layout
     * @param layouts one per table
     * @param layoutVersions by table, the version of each stored layout the snapshot was made from, also of those that
     *     left no layout in {@code layouts}
     */
    public LayoutSnapshot(long version, Collection<PartitionLayout> layouts, Map<String, Long> layoutVersions) {
        this.version = version;
        this.byTable = layouts.stream().collect(Collectors.toUnmodifiableMap(l -> l.table().table(), l -> l));
        this.bySimpleName = layouts.stream().collect(Collectors.groupingBy(l -> l.table().simpleName(),
            Collectors.toUnmodifiableList()));
        this.layoutVersions = Map.copyOf(layoutVersions);
    }

    /** @return grows with every change of any layout */
    public long version() {
        return version;
    }

    /** @return the layout of {@code SCHEMA.TABLE}, or {@code null} when Autopilot added nothing to it */
    public PartitionLayout table(String qualifiedName) {
        return byTable.get(qualifiedName);
    }

    /**
     * A stored layout can leave nothing for the rewriter (its last index was taken out, or its table is not on this
     * node), and then {@link #table} has no layout to tell its version by; a drain to a version still has to know
     * whether this node has it.
     *
     * @return the version of the stored layout of {@code SCHEMA.TABLE} this snapshot was made from, {@code 0} when
     *     none was stored
     */
    public long layoutVersion(String qualifiedName) {
        return layoutVersions.getOrDefault(qualifiedName, 0L);
    }

    /** @return by table, the version of each stored layout this snapshot was made from */
    public Map<String, Long> layoutVersions() {
        return layoutVersions;
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
