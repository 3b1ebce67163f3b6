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

package dev.autopilot.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import dev.autopilot.examples.workload.ExecutionListener;

/**
 * The successful executions of the running phase, each with the moment it was sent: what the demo splits at a
 * cut-over to show a template's latency before and after Autopilot adapted its table.
 */
final class ExecutionTimeline implements ExecutionListener {
    /** One execution: its template, when it was sent (epoch millis) and how long it took. */
    record Execution(String template, long startedAtMillis, long nanos) {
        long endedAtMillis() {
            return startedAtMillis + nanos / 1_000_000;
        }
    }

    private final Queue<Execution> executions = new ConcurrentLinkedQueue<>();

    @Override public void onExecution(String template, long startedAtMillis, long nanos, boolean succeeded) {
        if (succeeded)
            executions.add(new Execution(template, startedAtMillis, nanos));
    }

    /** @return the executions recorded since the last call, which are forgotten */
    List<Execution> drain() {
        List<Execution> out = new ArrayList<>();
        for (Execution e = executions.poll(); e != null; e = executions.poll())
            out.add(e);
        return out;
    }
}
