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

package dev.autopilot.affinity.advise;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import dev.autopilot.affinity.plan.Placement;

/** Each node's load under a placement: a primary carries its partition's load, a backup a share of it. */
final class NodeLoads {
    private NodeLoads() {
    }

    /** @return load by consistent id, every node of {@code nodes} included */
    static Map<String, Double> of(Placement placement, double[] load, double backupShare, Iterable<String> nodes) {
        Map<String, Double> out = new TreeMap<>();
        nodes.forEach(n -> out.put(n, 0.0));
        for (int p = 0; p < placement.partitions(); p++) {
            for (int i = 0; i < placement.owners(p).size(); i++)
                out.merge(placement.owners(p).get(i), i == 0 ? load[p] : load[p] * backupShare, Double::sum);
        }
        return out;
    }

    static double peak(Map<String, Double> loads) {
        return loads.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    static double mean(Map<String, Double> loads) {
        return loads.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** @return {@code id=load} pairs, loads rounded */
    static String render(Map<String, Double> loads) {
        return loads.entrySet().stream().map(e -> e.getKey() + '=' + Math.round(e.getValue()))
            .collect(Collectors.joining(", "));
    }
}
