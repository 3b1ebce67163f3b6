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

package dev.autopilot.sql.schema;

/** The SQL types the profile generator reasons about, ordered so that numeric promotion follows declaration order. */
public enum TypeName {
    TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, BOOLEAN, VARCHAR, DATE, TIME, TIMESTAMP, OTHER;

    /** @return whether values of this type take part in arithmetic */
    public boolean numeric() {
        return ordinal() <= DOUBLE.ordinal();
    }

    /** @return whether this is an exact integer type */
    public boolean integer() {
        return ordinal() <= BIGINT.ordinal();
    }

    /** @return whether values of this type have a size besides: DECIMAL, VARCHAR, TIME and TIMESTAMP do */
    public boolean sizable() {
        return this == DECIMAL || this == VARCHAR || this == TIME || this == TIMESTAMP;
    }

    /** @return whether this is a date, time or timestamp */
    public boolean datetime() {
        return this == DATE || this == TIME || this == TIMESTAMP;
    }
}
