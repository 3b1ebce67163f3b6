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

import dev.autopilot.sql.schema.ColumnType;

/**
 * Bytes a value takes where Autopilot puts it: inlined in an index entry (Ignite's inline key types: one type byte
 * plus the value, strings with a 3-byte header) and stored as a field of the row's binary object. Approximate by
 * design: they size budgets and suggest {@code INLINE_SIZE}, they are not allocation figures.
 */
public final class StorageSizes {
    /** Characters of a string inlined when its length is unknown. */
    static final int DEFAULT_STRING_INLINE = 16;

    /** Longest string prefix worth inlining. */
    static final int MAX_STRING_INLINE = 64;

    private StorageSizes() {
    }

    /** @return bytes of an inlined index key of {@code type} */
    public static int inline(ColumnType type) {
        return switch (type.name()) {
            case BOOLEAN, TINYINT -> 2;
            case SMALLINT -> 3;
            case INTEGER, REAL -> 5;
            case BIGINT, DOUBLE, DATE, TIME -> 9;
            case TIMESTAMP -> 17;
            case DECIMAL -> 12;
            case VARCHAR -> 3 + (type.sized() ? Math.min(type.precision(), MAX_STRING_INLINE) : DEFAULT_STRING_INLINE);
            case OTHER -> 9;
        };
    }

    /** @return bytes a value of {@code type} adds to a row (field header included) */
    public static int field(ColumnType type) {
        int value = switch (type.name()) {
            case BOOLEAN, TINYINT -> 1;
            case SMALLINT -> 2;
            case INTEGER, REAL -> 4;
            case BIGINT, DOUBLE, DATE, TIME -> 8;
            case TIMESTAMP -> 12;
            case DECIMAL -> 16;
            case VARCHAR -> 4 + (type.sized() ? type.precision() : DEFAULT_STRING_INLINE);
            case OTHER -> 16;
        };
        return value + 3;
    }
}
