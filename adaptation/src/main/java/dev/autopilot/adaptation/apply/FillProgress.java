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

package dev.autopilot.adaptation.apply;

/**
 * Told after each partition of a fill, so that whoever runs the fill can record where to resume, report its pace and
 * stop it when it no longer owns the work.
 */
@FunctionalInterface
public interface FillProgress {
    /**
     * @param nextPartition the first partition not filled yet
     * @param rows rows filled by this run so far
     * @param niceRatio the fill's pause after each batch now, as a share of the batch's time (see {@link FillThrottle})
     * @return whether to go on
     */
    boolean partitionFilled(int nextPartition, long rows, double niceRatio);
}
