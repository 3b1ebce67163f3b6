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

package dev.autopilot.affinity;

/** Where plans are kept, shared by all nodes; the Ignite-internal implementation stays behind this interface. */
public interface PlanStore {
    /** @return The plan under {@code key} as rows of consistent ids, or {@code null} if there is none. */
    String[][] read(String key) throws Exception;

    /**
     * Writes {@code plan} under {@code key} unless a plan is already there; a written plan is never replaced.
     *
     * @return Whether this call wrote it.
     */
    boolean writeOnce(String key, String[][] plan) throws Exception;
}
