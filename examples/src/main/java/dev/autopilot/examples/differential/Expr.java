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
 * A generated expression.
 *
 * @param sql its text
 * @param kind its category
 * @param inexact whether it may be a DOUBLE (see {@link Column#inexact})
 */
record Expr(String sql, Kind kind, boolean inexact) {
    static Expr of(String sql, Kind kind) {
        return new Expr(sql, kind, false);
    }
}
