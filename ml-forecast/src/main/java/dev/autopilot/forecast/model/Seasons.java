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

/** Index arithmetic shared by the seasonal models. */
final class Seasons {
    private Seasons() {
    }

    /** The latest window at or before {@code origin} that lies a whole number of seasons before {@code origin + h}. */
    static int sameTimeLastSeason(int origin, int h, int season) {
        return origin + h - season * ((h + season - 1) / season);
    }
}
