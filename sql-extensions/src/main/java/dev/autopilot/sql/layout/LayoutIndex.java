package dev.autopilot.sql.layout;

import java.util.List;

/**
 * A secondary index Autopilot created on a partition.
 *
 * @param name the index name
 * @param columns its columns in index order (plain or derived)
 */
public record LayoutIndex(String name, List<String> columns) {
    public LayoutIndex {
        columns = List.copyOf(columns);
    }
}
