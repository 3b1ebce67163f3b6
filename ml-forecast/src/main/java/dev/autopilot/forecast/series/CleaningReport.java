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

package dev.autopilot.forecast.series;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the cleaner had to change in a series and why: bad input is repaired, never fatal, but it must be visible.
 */
public final class CleaningReport {
    private final List<String> issues = new ArrayList<>();

    void add(String issue) {
        issues.add(issue);
    }

    /** Human-readable issues, empty when the input was clean. */
    public List<String> issues() {
        return Collections.unmodifiableList(issues);
    }

    public boolean clean() {
        return issues.isEmpty();
    }

    @Override public String toString() {
        return clean() ? "clean" : String.join("; ", issues);
    }
}
