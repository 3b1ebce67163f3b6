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

import dev.autopilot.sql.analysis.StatementShape;

/**
 * A statement template in one schema: what the query log groups executions by.
 *
 * @param id stable identifier: a hash of the schema and the template text, the same on every node
 * @param schema the schema the statements ran in
 * @param shape the statement's shape, table names qualified by the schema
 */
public record Template(String id, String schema, StatementShape shape) {
    /** @return a template for {@code shape} as it ran in {@code schema} */
    public static Template of(String schema, StatementShape shape) {
        StatementShape qualified = shape.qualified(schema);
        return new Template(idOf(schema, shape.template()), schema, qualified);
    }

    /** @return the identifier of a template text in a schema: 64-bit FNV-1a, in hex */
    static String idOf(String schema, String template) {
        long h = 0xcbf29ce484222325L;
        for (String part : new String[] {schema == null ? "" : schema, "\n", template}) {
            for (int i = 0; i < part.length(); i++) {
                h ^= part.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        return String.format("%016x", h);
    }
}
