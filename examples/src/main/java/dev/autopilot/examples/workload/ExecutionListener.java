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
 * Called by the {@link WorkloadDriver}'s threads after every execution, so that a demo can place each one in time:
 * latencies before and after a moment within a phase (a cut-over) are more than a phase's totals tell. Runs on the
 * driver's threads, concurrently: implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ExecutionListener {
    /**
     * @param template the template's name
     * @param startedAtMillis wall-clock time the statement was sent, in milliseconds since the epoch
     * @param nanos how long it took until its last row was read
     * @param succeeded whether it ended without an error
     */
    void onExecution(String template, long startedAtMillis, long nanos, boolean succeeded);
}
