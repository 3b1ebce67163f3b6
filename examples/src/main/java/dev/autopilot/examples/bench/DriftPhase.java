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

package dev.autopilot.examples.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.examples.workload.QueryTemplate;

/**
 * One phase of the drift benchmark: a weighted mix of read templates, and the ones among them that dominate it (the
 * focus), which the adapted structures are expected to serve and which the comparison is about.
 *
 * @param name phase name
 * @param mix read templates and their weights, in a fixed order
 * @param focus names of the dominant templates
 */
record DriftPhase(String name, Map<QueryTemplate, Integer> mix, List<String> focus) {
    DriftPhase {
        mix = Collections.unmodifiableMap(new LinkedHashMap<>(mix));
        focus = List.copyOf(focus);
    }

    /** @return the template at {@code ticket}, a number in {@code [0, sum of weights)} */
    QueryTemplate pick(int ticket) {
        int left = ticket;
        for (Map.Entry<QueryTemplate, Integer> e : mix.entrySet()) {
            left -= e.getValue();
            if (left < 0)
                return e.getKey();
        }
        throw new IllegalArgumentException("ticket " + ticket + " beyond the weights of phase " + name);
    }

    /** @return the sum of the weights */
    int totalWeight() {
        return mix.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return the template named {@code template} */
    QueryTemplate template(String template) {
        return mix.keySet().stream().filter(t -> t.name().equals(template)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no template " + template + " in phase " + name));
    }
}
