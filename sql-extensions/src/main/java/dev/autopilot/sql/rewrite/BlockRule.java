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

/** A rewrite of one query block, applied to every SELECT of a statement, innermost FROM items first. */
interface BlockRule {
    /** @return the name reported in {@link Rewrite#rules()} */
    String name();

    /** @return whether the rule has anything to do in {@code block} */
    boolean matches(QueryBlock block, RewriteContext cx);

    /**
     * Changes {@code block} in place.
     *
     * @return whether it changed anything
     */
    boolean apply(QueryBlock block, RewriteContext cx);
}
