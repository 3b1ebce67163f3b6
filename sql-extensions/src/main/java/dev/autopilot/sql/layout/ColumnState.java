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

package dev.autopilot.sql.layout;

/** Where a derived column is in its life: only a {@link #READY} one may answer queries. */
public enum ColumnState {
    /** The column exists and new writes keep it current, but old rows may still hold no value. */
    BUILDING,

    /** Every row holds the value and every covered write path keeps it current. */
    READY,

    /**
     * Dropped from the partition's profile: writes keep it current and queries no longer use it, so that a rollback
     * within the grace period can make it {@link #READY} again at once; dropped after the grace period.
     */
    RETIRING
}
