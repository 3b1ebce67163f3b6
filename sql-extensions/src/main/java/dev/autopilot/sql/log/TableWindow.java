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
