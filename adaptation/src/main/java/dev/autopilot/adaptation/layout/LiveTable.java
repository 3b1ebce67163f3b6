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

package dev.autopilot.adaptation.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.schema.ColumnType;

/**
 * A table as the local node's SQL engine knows it at this moment: what a layout is checked against at every use.
 *
 * @param columns every column, Autopilot's included, in declaration order, with its type
 * @param indexes the names of its secondary indexes
 */
public record LiveTable(Map<String, ColumnType> columns, Set<String> indexes) {
    public LiveTable {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        indexes = Set.copyOf(indexes);
    }
}
