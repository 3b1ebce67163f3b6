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

package dev.autopilot.sql.analysis;

/** Table name conventions shared by the analyzer and the query log: {@code SCHEMA.TABLE}, upper case as parsed. */
public final class Names {
    private Names() {
    }

    /**
     * @param schema the schema the statement ran in
     * @param table a table name as written in the statement, with or without its schema
     * @return {@code SCHEMA.TABLE}
     */
    public static String qualify(String schema, String table) {
        return table.indexOf('.') >= 0 || schema == null ? table : schema + '.' + table;
    }
}
