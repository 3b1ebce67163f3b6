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
