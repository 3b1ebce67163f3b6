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

package dev.autopilot.examples.differential;

import java.util.List;

/**
 * A FROM item as the statement around it sees it.
 *
 * @param qualifier the name its columns are qualified with, or {@code null} when they can only be named bare (a
 *     derived table without an alias)
 * @param columns what it shows, in order
 * @param table the managed table whose values its columns of the same names hold (it reads the table, or projects
 *     the table's columns under their own names), so that the table's derived expressions may be written over it; or
 *     {@code null}
 */
record Relation(String qualifier, List<Column> columns, String table) {
    /** @return the same relation named {@code q} */
    Relation as(String q) {
        return new Relation(q, columns, table);
    }
}
