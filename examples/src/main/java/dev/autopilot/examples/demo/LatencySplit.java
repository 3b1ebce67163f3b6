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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.autopilot.examples.demo.ExecutionTimeline.Execution;

/**
 * A phase's executions per template, split at a moment: those that ended before it and those sent after it. An
 * execution that ran across the moment belongs to neither, so that "after" holds only statements planned against
 * the new layout.
 */
final class LatencySplit {
    /** One template's latency before and after the moment; a side without executions has {@code count} 0. */
    record Row(String template, Side before, Side after) {
        /** @return whether the template ran on both sides and got faster */
        boolean fell() {
            return before.count() > 0 && after.count() > 0 && after.p50Millis() < before.p50Millis();
        }
    }

    /** Executions on one side of the moment: how many, their median and mean latency. */
    record Side(int count, double p50Millis, double meanMillis) {
        static Side of(List<Execution> executions) {
            if (executions.isEmpty())
                return new Side(0, 0, 0);
            List<Long> nanos = executions.stream().map(Execution::nanos).sorted().toList();
            double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0);
            return new Side(nanos.size(), nanos.get((nanos.size() - 1) / 2) / 1e6, mean / 1e6);
        }
    }

    private LatencySplit() {
    }

    /** @return a row per template, in the order the templates first ran */
    static List<Row> at(List<Execution> executions, long momentMillis) {
        Map<String, List<Execution>> byTemplate = executions.stream()
            .collect(Collectors.groupingBy(Execution::template, LinkedHashMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        byTemplate.forEach((template, list) -> rows.add(new Row(template,
            Side.of(list.stream().filter(e -> e.endedAtMillis() < momentMillis).toList()),
            Side.of(list.stream().filter(e -> e.startedAtMillis() >= momentMillis).toList()))));
        return rows;
    }
}
