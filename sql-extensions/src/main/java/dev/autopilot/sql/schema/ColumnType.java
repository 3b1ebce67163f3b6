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

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL type of a column or of a derived expression, as far as it is known: a type name plus precision and scale
 * for DECIMAL, a length for VARCHAR and a fractional-second precision for TIME and TIMESTAMP ({@code -1} when unknown:
 * for a column that declares none, or for a cast that writes none). Expression matching drops a cast only when its
 * operand provably has the target type, so an unknown size never counts as equal to a known one.
 *
 * @param name the type
 * @param precision DECIMAL precision, VARCHAR length or TIME/TIMESTAMP precision, {@code -1} if unknown or not
 *     applicable
 * @param scale DECIMAL scale, {@code -1} if unknown or not applicable
 */
public record ColumnType(TypeName name, int precision, int scale) {
    /** Largest DECIMAL precision the inference reports; wider results are capped (Ignite allows more). */
    public static final int MAX_DECIMAL_PRECISION = 38;

    private static final Pattern SQL_TYPE = Pattern.compile(
        "\\s*([A-Z]+(?:\\s+PRECISION)?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

    private static final Map<String, TypeName> SQL_NAMES = Map.ofEntries(
        Map.entry("TINYINT", TypeName.TINYINT), Map.entry("SMALLINT", TypeName.SMALLINT),
        Map.entry("INT", TypeName.INTEGER), Map.entry("INTEGER", TypeName.INTEGER),
        Map.entry("BIGINT", TypeName.BIGINT), Map.entry("DECIMAL", TypeName.DECIMAL),
        Map.entry("NUMERIC", TypeName.DECIMAL), Map.entry("REAL", TypeName.REAL),
        Map.entry("FLOAT", TypeName.DOUBLE), Map.entry("DOUBLE", TypeName.DOUBLE),
        Map.entry("DOUBLE PRECISION", TypeName.DOUBLE), Map.entry("BOOLEAN", TypeName.BOOLEAN),
        Map.entry("VARCHAR", TypeName.VARCHAR), Map.entry("CHAR", TypeName.VARCHAR),
        Map.entry("DATE", TypeName.DATE), Map.entry("TIME", TypeName.TIME), Map.entry("TIMESTAMP", TypeName.TIMESTAMP));

    private static final Map<String, TypeName> JAVA_NAMES = Map.ofEntries(
        Map.entry("java.lang.Byte", TypeName.TINYINT), Map.entry("byte", TypeName.TINYINT),
        Map.entry("java.lang.Short", TypeName.SMALLINT), Map.entry("short", TypeName.SMALLINT),
        Map.entry("java.lang.Integer", TypeName.INTEGER), Map.entry("int", TypeName.INTEGER),
        Map.entry("java.lang.Long", TypeName.BIGINT), Map.entry("long", TypeName.BIGINT),
        Map.entry("java.math.BigDecimal", TypeName.DECIMAL),
        Map.entry("java.lang.Float", TypeName.REAL), Map.entry("float", TypeName.REAL),
        Map.entry("java.lang.Double", TypeName.DOUBLE), Map.entry("double", TypeName.DOUBLE),
        Map.entry("java.lang.Boolean", TypeName.BOOLEAN), Map.entry("boolean", TypeName.BOOLEAN),
        Map.entry("java.lang.String", TypeName.VARCHAR),
        Map.entry("java.sql.Date", TypeName.DATE), Map.entry("java.time.LocalDate", TypeName.DATE),
        Map.entry("java.sql.Time", TypeName.TIME), Map.entry("java.time.LocalTime", TypeName.TIME),
        Map.entry("java.sql.Timestamp", TypeName.TIMESTAMP), Map.entry("java.util.Date", TypeName.TIMESTAMP),
        Map.entry("java.time.LocalDateTime", TypeName.TIMESTAMP));

    /** @return a type without precision or scale */
    public static ColumnType of(TypeName name) {
        return new ColumnType(name, -1, -1);
    }

    /** @return {@code DECIMAL(precision, scale)}, precision capped at {@link #MAX_DECIMAL_PRECISION} */
    public static ColumnType decimal(int precision, int scale) {
        int p = Math.min(MAX_DECIMAL_PRECISION, precision);
        return new ColumnType(TypeName.DECIMAL, p, Math.min(scale, p));
    }

    /** @return the type of a column Ignite describes by its Java class name; {@code OTHER} for anything else */
    public static ColumnType ofJava(String javaType) {
        return ofJava(javaType, -1, -1);
    }

    /**
     * The type of a column as Ignite holds its values: Ignite checks a DECIMAL's precision and scale and a VARCHAR's
     * length on every write when the table declares them (a DECIMAL without a declared scale is checked on precision
     * only, so its scale stays unknown). TIME and TIMESTAMP keep no size: Ignite's planner types those columns by
     * their Java class whatever precision the DDL gave.
     *
     * @param javaType the column's Java class name
     * @param precision its declared precision or length, {@code -1} if none
     * @param scale its declared scale, {@code -1} if none
     * @return the column's type
     */
    public static ColumnType ofJava(String javaType, int precision, int scale) {
        TypeName name = JAVA_NAMES.getOrDefault(javaType, TypeName.OTHER);
        if (name == TypeName.DECIMAL && precision >= 0 && scale >= 0)
            return new ColumnType(name, precision, scale);
        if (name == TypeName.VARCHAR && precision >= 0)
            return new ColumnType(name, precision, -1);
        return of(name);
    }

    /**
     * @param sql a SQL type as written in DDL or a CAST: {@code DECIMAL(15,2)}, {@code VARCHAR(10)}, {@code INT},
     *     {@code TIMESTAMP(0)}; {@code CHAR(n)} is read as {@code VARCHAR(n)}, which is what a CHAR column of Ignite
     *     holds
     * @return the type
     * @throws IllegalArgumentException naming the text when it is not a type we know
     */
    public static ColumnType parse(String sql) {
        Matcher m = SQL_TYPE.matcher(sql.toUpperCase(Locale.ROOT));
        TypeName name = m.matches() ? SQL_NAMES.get(m.group(1).replaceAll("\\s+", " ")) : null;
        if (name == null)
            throw new IllegalArgumentException("unknown SQL type " + sql);
        int precision = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        int scale = name != TypeName.DECIMAL ? -1 : m.group(3) != null ? Integer.parseInt(m.group(3))
            : precision >= 0 ? 0 : -1;
        return name.sizable() ? new ColumnType(name, precision, scale) : of(name);
    }

    /** @return whether precision (and scale) are known */
    public boolean sized() {
        return precision >= 0;
    }

    /** @return the type as SQL writes it: {@code DECIMAL(15, 2)}, {@code VARCHAR(10)}, {@code BIGINT} */
    @Override public String toString() {
        if (name == TypeName.DECIMAL && sized())
            return "DECIMAL(" + precision + ", " + Math.max(scale, 0) + ")";
        if (name.sizable() && sized())
            return name.name() + "(" + precision + ")";
        return name.name();
    }
}
