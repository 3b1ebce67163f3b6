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

package dev.autopilot.sql.rewrite;

import java.util.List;
import dev.autopilot.sql.schema.TableSchema;

/**
 * The cluster's SQL tables as they are now, with the user's own columns only: what a view's definition is written out
 * against, since a view stays while the derived columns of its tables come and go.
 */
public interface TableCatalog {
    /** A catalog that knows no table: view definitions are left as written. */
    TableCatalog NONE = new TableCatalog() {
        @Override public List<String> named(String simpleName) {
            return List.of();
        }

        @Override public TableSchema table(String qualifiedName) {
            return null;
        }
    };

    /** @return {@code SCHEMA.TABLE} of every table called {@code simpleName}, in any schema */
    List<String> named(String simpleName);

    /** @return the table {@code SCHEMA.TABLE} with the user's own columns in declaration order, or {@code null} */
    TableSchema table(String qualifiedName);
}
