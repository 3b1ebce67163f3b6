package dev.autopilot.adaptation.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.schema.ColumnType;

/**
 * A table as the local node's SQL engine knows it at this moment: what a layout is checked against at every use.
 *
 * @param columns every column, Autopilot's included, in declaration order, with its type
 * @param indexes the names of its secondary indexes
 */
public record LiveTable(Map<String, ColumnType> columns, Set<String> indexes) {
    public LiveTable {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        indexes = Set.copyOf(indexes);
    }
}
