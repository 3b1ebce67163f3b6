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

/**
 * A column a relation shows.
 *
 * @param name its name as SQL resolves it (upper case)
 * @param kind its category
 * @param inexact whether it may hold a DOUBLE: such values are never summed or averaged, because the order in which
 *     distributed partial sums meet differs between two clusters and so does the last bit of the result
 */
record Column(String name, Kind kind, boolean inexact) {
    static Column of(String name, Kind kind) {
        return new Column(name, kind, false);
    }
}
