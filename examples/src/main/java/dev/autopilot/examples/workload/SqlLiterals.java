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

package dev.autopilot.examples.workload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Writes parameter values into SQL text as literals, the way a client that does not bind would send them. */
final class SqlLiterals {
    private SqlLiterals() {
    }

    /** Replaces each {@code ?} outside quoted strings with the next value of {@code values}. */
    static String inline(String sql, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * values.size());
        int next = 0;
        boolean quoted = false;

        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);

            if (c == '\'')
                quoted = !quoted;

            if (c == '?' && !quoted) {
                if (next == values.size())
                    throw new IllegalArgumentException("more ? than values (" + values.size() + ") in: " + sql);

                out.append(literal(values.get(next++)));
            }
            else
                out.append(c);
        }

        if (next != values.size())
            throw new IllegalArgumentException(values.size() + " values for " + next + " ? in: " + sql);

        return out.toString();
    }

    static String literal(Object value) {
        if (value instanceof String s)
            return "'" + s.replace("'", "''") + "'";
        if (value instanceof LocalDate d)
            return "DATE '" + d + "'";
        if (value instanceof BigDecimal d)
            return d.toPlainString();
        if (value instanceof Long || value instanceof Integer)
            return value.toString();

        throw new IllegalArgumentException("no SQL literal for a "
            + (value == null ? "null" : value.getClass().getName()) + ": " + value);
    }
}
