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

package dev.autopilot.adaptation.derive;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** The Java class Ignite stores a SQL column type as: what a derived binary field must be registered with. */
final class FieldClasses {
    private static final Map<String, Class<?>> BY_TYPE = Map.ofEntries(Map.entry("BOOLEAN", Boolean.class),
        Map.entry("TINYINT", Byte.class), Map.entry("SMALLINT", Short.class), Map.entry("INT", Integer.class),
        Map.entry("INTEGER", Integer.class), Map.entry("BIGINT", Long.class), Map.entry("DECIMAL", BigDecimal.class),
        Map.entry("REAL", Float.class), Map.entry("FLOAT", Double.class), Map.entry("DOUBLE", Double.class),
        Map.entry("VARCHAR", String.class), Map.entry("CHAR", String.class), Map.entry("DATE", java.sql.Date.class),
        Map.entry("TIME", java.sql.Time.class), Map.entry("TIMESTAMP", java.sql.Timestamp.class));

    private FieldClasses() {
    }

    /**
     * @param ddlType a column type as DDL writes it, e.g. {@code DECIMAL(31, 4)}
     * @return the class Ignite stores it as
     * @throws IllegalArgumentException for a type Autopilot does not derive
     */
    static Class<?> of(String ddlType) {
        String base = ddlType.toUpperCase(Locale.ROOT).replaceAll("\\(.*", "").strip();
        Class<?> c = BY_TYPE.get(base);
        if (c == null)
            throw new IllegalArgumentException("Derived columns of type " + ddlType + " are not supported");
        return c;
    }
}
