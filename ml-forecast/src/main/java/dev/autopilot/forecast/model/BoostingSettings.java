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

package dev.autopilot.forecast.model;

/**
 * Size of the boosted-trees ensemble: more trees fit better and train slower.
 *
 * @param iterations Number of trees, at least 1.
 * @param maxDepth Depth of each tree, at least 1.
 * @param stepSize Learning rate in (0, 1].
 */
public record BoostingSettings(int iterations, int maxDepth, double stepSize) {
    public BoostingSettings {
        if (iterations < 1)
            throw new IllegalArgumentException("boosting iterations must be at least 1: " + iterations);
        if (maxDepth < 1)
            throw new IllegalArgumentException("boosting maxDepth must be at least 1: " + maxDepth);
        if (!(stepSize > 0 && stepSize <= 1))
            throw new IllegalArgumentException("boosting stepSize must be in (0, 1]: " + stepSize);
    }
}
