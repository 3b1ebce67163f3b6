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

package dev.autopilot.sql.stats;

import java.util.List;

/**
 * What a column holds, estimated from a sample of its table.
 *
 * @param column the column name
 * @param type the Java type of its values
 * @param distinct estimated distinct non-null values in the whole table
 * @param nulls estimated NULLs in the whole table
 * @param min smallest sampled value, printed
 * @param max largest sampled value, printed
 * @param bounds upper bounds of equi-depth buckets (each holds about the same number of rows), printed
 */
public record ColumnStatistics(String column, String type, long distinct, long nulls, String min, String max,
    List<String> bounds) {
    public ColumnStatistics {
        bounds = List.copyOf(bounds);
    }
}
