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
 * Query rewriting on one node: whether statements are rewritten to read derived columns, and how many were. Put
 * {@link QueryRewriter#NO_REWRITE} in a statement's text to have that one planned exactly as written.
 */
public interface RewritingControl {
    /**
     * Turns query rewriting on this node on or off, and forgets the plans cached so far so that the change applies to
     * the next execution of every statement.
     */
    void setRewriting(boolean enabled);

    /** @return statements this node rewrote to read a derived column since it started */
    long rewrittenStatements();
}
