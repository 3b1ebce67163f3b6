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

package dev.autopilot.adaptation.apply;

/**
 * The bound between a layout change that stops queries reading a structure and the moment the structure may stop being
 * kept current or be dropped: not a delay that is usually long enough, but every node acknowledging the change and
 * draining the queries that may have been planned before it.
 */
@FunctionalInterface
public interface LayoutDrain {
    /** Drains nothing: for a cluster where no query can have been planned over the layout, such as a unit test's. */
    LayoutDrain NONE = (table, version) -> { };

    /**
     * Returns once no node runs, or holds in its plan cache, a plan made with a layout of {@code table} older than
     * {@code version}.
     *
     * @param table {@code SCHEMA.TABLE}
     * @param version the layout version every node must have reached
     * @throws IllegalStateException when a node did not drain in time; nothing may be dropped then
     */
    void await(String table, long version);
}
