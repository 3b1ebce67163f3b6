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

package dev.autopilot.adaptation.cost;

import java.util.List;
import dev.autopilot.sql.schema.ColumnType;

/**
 * Prices the structures a profile may add to one table: the memory of an index (entries of inline keys plus a row
 * link, in pages kept about {@value #PAGE_FILL} full) or of a derived column (one field per row), and the cost of
 * keeping either up to date, in the unit benefits are counted in: table rows read per second.
 */
public final class CostModel {
    /** Bytes of an index entry besides its inline keys: the link to the row. */
    static final int ENTRY_OVERHEAD = 8;

    /** How full B+tree pages are on average. */
    static final double PAGE_FILL = 0.7;

    /** Largest inline size suggested. */
    static final int MAX_INLINE = 2048;

    private final long rows;
    private final double rowReadsPerStructureWrite;

    /**
     * @param rows rows in the table
     * @param rowReadsPerStructureWrite what one update of one index or derived column costs, in row reads
     */
    public CostModel(long rows, double rowReadsPerStructureWrite) {
        this.rows = rows;
        this.rowReadsPerStructureWrite = rowReadsPerStructureWrite;
    }

    /** @return the {@code INLINE_SIZE} that inlines every key of an index over columns of {@code types} */
    public static int inlineSize(List<ColumnType> types) {
        return Math.min(MAX_INLINE, types.stream().mapToInt(StorageSizes::inline).sum());
    }

    /** @return bytes of an index with that inline size */
    public long indexBytes(int inlineSize) {
        return Math.round(rows * (inlineSize + ENTRY_OVERHEAD) / PAGE_FILL);
    }

    /** @return bytes of a derived column of {@code type} */
    public long columnBytes(ColumnType type) {
        return rows * StorageSizes.field(type);
    }

    /** @return the row reads per second that keeping {@code structures} up to date costs at that write rate */
    public double writeCost(double writesPerSecond, int structures) {
        return writesPerSecond * structures * rowReadsPerStructureWrite;
    }
}
