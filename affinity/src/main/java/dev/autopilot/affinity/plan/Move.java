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

package dev.autopilot.affinity.plan;

/**
 * One change between two placements.
 *
 * @param partition The partition.
 * @param from Node that gives up the role or copy, {@code null} when its copy was lost.
 * @param to Node that takes it.
 * @param kind What it costs.
 */
public record Move(int partition, String from, String to, Kind kind) {
    /** What a move costs the cluster. */
    public enum Kind {
        /** A backup becomes primary and the primary becomes backup: no data is copied. */
        PROMOTE,
        /** A copy of the partition is built on a node that did not have one: data is transferred. */
        COPY
    }
}
