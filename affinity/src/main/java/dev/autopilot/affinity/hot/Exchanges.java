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

package dev.autopilot.affinity.hot;

/**
 * What the hot-row memory needs to know about Ignite's partition map exchanges, the only moments at which a partition
 * changes its primary node.
 */
public interface Exchanges {
    /**
     * @return a number that changes when an exchange starts on this node and again when it ends there, always before
     *     another node can acknowledge a write under the exchange's new assignment
     */
    long epoch();

    /** @return whether no exchange is in progress on this node, so its view of primaries is the cluster's */
    boolean settled();
}
