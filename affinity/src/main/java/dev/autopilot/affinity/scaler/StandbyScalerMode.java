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

package dev.autopilot.affinity.scaler;

/** Whether the standby scaler runs, and whether it changes the baseline or only records what it would do. */
public enum StandbyScalerMode {
    /** Not run. */
    OFF,

    /** Decides every period and records each add and removal in {@code AUTOPILOT.PLAN_CHANGES}; changes nothing. */
    DRY_RUN,

    /** Decides, records and changes the baseline: adds a standby node ahead of a predicted spike, removes it after. */
    APPLY
}
