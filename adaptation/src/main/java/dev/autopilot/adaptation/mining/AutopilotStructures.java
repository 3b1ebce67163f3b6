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

package dev.autopilot.adaptation.mining;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.sql.expression.DerivedExpression;

/**
 * What Autopilot built on a partition before this window: its derived columns in use and its indexes. Unlike the
 * user's indexes these are not a given; a profile is the partition's whole set of structures, so it keeps one of them
 * only while the window's templates still gain from it, and the adaptation to the profile retires the rest.
 *
 * @param columns the derived columns queries read now: name to expression
 * @param indexes the columns of each index Autopilot created, in index order
 */
public record AutopilotStructures(Map<String, DerivedExpression> columns, List<List<String>> indexes) {
    /** A partition Autopilot has not changed. */
    public static final AutopilotStructures NONE = new AutopilotStructures(Map.of(), List.of());

    public AutopilotStructures {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        indexes = indexes.stream().map(List::copyOf).toList();
    }
}
