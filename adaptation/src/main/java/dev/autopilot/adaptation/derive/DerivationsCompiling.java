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

package dev.autopilot.adaptation.derive;

/**
 * A node has not finished compiling a cache's derived columns: a write that needs them fails now and succeeds once the
 * compilation ends, so a fill retries its batch instead of giving up.
 */
public final class DerivationsCompiling extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message names the cache and how long the write waited */
    public DerivationsCompiling(String message) {
        super(message);
    }
}
