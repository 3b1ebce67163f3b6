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

package dev.autopilot.examples.workload;

/**
 * Called by the {@link WorkloadDriver} after each phase, before the next one starts, so a demo can print what the
 * plugin observed and decided while that phase ran. Runs on the thread that called
 * {@link WorkloadDriver#run}; the next phase waits for it.
 */
@FunctionalInterface
public interface PhaseListener {
    void onPhaseEnd(WorkloadPhase phase, PhaseResult result);
}
