package dev.autopilot.sql.log;

import java.util.UUID;

/** Reads and writes of one table in one window on this node, counted from the statements that ran. */
final class TableWindow {
    final long windowStart;
    final String table;

    private long reads;
    private long writes;
    private boolean dirty;

    TableWindow(long windowStart, String table) {
        this.windowStart = windowStart;
        this.table = table;
    }

    synchronized void add(boolean write) {
        if (write)
            writes++;
        else
            reads++;
        dirty = true;
    }

    synchronized TableAccess takeIfDirty(UUID node) {
        if (!dirty)
            return null;
        dirty = false;
        return new TableAccess(windowStart, table, node, reads, writes);
    }
}
