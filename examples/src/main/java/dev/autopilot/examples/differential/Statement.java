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
 * A generated statement.
 *
 * @param sql its text
 * @param ordered whether its rows must come in the same order on both sides
 * @param onSuccess what it changes in the {@link Catalog}, applied once it succeeded on plain Ignite
 */
public record Statement(String sql, boolean ordered, Runnable onSuccess) {
    static Statement of(String sql) {
        return new Statement(sql, false, () -> { });
    }
}
