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
 * Where a cache interceptor or fill processor on a node finds what to derive for a cache: the node's plugin, which
 * follows the partition layouts.
 */
public interface Derivations {
    /** @return what to derive on a write to {@code cacheName} now, or {@code null} when nothing */
    RowDeriver forCache(String cacheName);
}
