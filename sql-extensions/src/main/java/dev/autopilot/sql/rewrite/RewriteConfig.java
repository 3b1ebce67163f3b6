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

/**
 * Which optional rules a {@link QueryRewriter} runs. Immutable; start from {@link #DEFAULT}.
 *
 * @param indexHints whether to add {@code /*+ FORCE_INDEX(name) *}{@code /} to a single-table block whose
 *     equality and range predicates are exactly a prefix of an index Autopilot created; off by default, since
 *     Ignite's planner usually finds the index by itself and a forced index outlives the statistics it was right for
 */
public record RewriteConfig(boolean indexHints) {
    /** Star expansion, INSERT column lists and derived columns; no index hints. */
    public static final RewriteConfig DEFAULT = new RewriteConfig(false);

    /** @return this configuration with index hints on or off */
    public RewriteConfig withIndexHints(boolean on) {
        return new RewriteConfig(on);
    }
}
