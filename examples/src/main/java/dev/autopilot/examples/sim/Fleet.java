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

package dev.autopilot.examples.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import dev.autopilot.affinity.plan.Move;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.affinity.plan.PlanStep;

/**
 * The simulated cluster of one policy: nodes taking load, nodes booting, where partitions are, and what the policy's
 * changes have cost so far. All nodes have the same capacity.
 */
final class Fleet {
    private final double capacity;
    private final SortedMap<String, Double> active = new TreeMap<>();
    private final List<Booting> booting = new ArrayList<>();
    private Placement placement;
    private int nextId;
    private long copies;
    private long promotions;

    /** A node asked for, taking load from window {@code readyAt}. */
    private record Booting(String id, int readyAt) {
    }

    Fleet(double capacity, int nodes) {
        this.capacity = capacity;
        for (int i = 0; i < nodes; i++)
            active.put(newId(), capacity);
    }

    double capacity() {
        return capacity;
    }

    /** Nodes taking load, with their capacities, by id. */
    SortedMap<String, Double> active() {
        return active;
    }

    List<String> activeIds() {
        return new ArrayList<>(active.keySet());
    }

    /** Nodes taking load plus nodes booting: what is paid for. */
    int billed() {
        return active.size() + booting.size();
    }

    Placement placement() {
        return placement;
    }

    void place(Placement initial) {
        placement = initial;
    }

    /** Asks for {@code count} nodes that take load from window {@code readyAt}. */
    void request(int count, int readyAt) {
        for (int i = 0; i < count; i++)
            booting.add(new Booting(newId(), readyAt));
    }

    /** Booted nodes join (empty: the policy places partitions on them). */
    void admit(int t) {
        booting.removeIf(b -> {
            if (b.readyAt() > t)
                return false;
            active.put(b.id(), capacity);
            return true;
        });
    }

    /** The capacities of the active nodes without the {@code count} least loaded, which the next plan drains. */
    SortedMap<String, Double> without(int count, double[] nodeLoad) {
        List<String> ids = activeIds();
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++)
            order.add(n);
        order.sort(Comparator.comparingDouble((Integer n) -> nodeLoad[n]).thenComparing(n -> n));
        SortedMap<String, Double> kept = new TreeMap<>(active);
        for (int i = 0; i < Math.min(count, ids.size() - 1); i++)
            kept.remove(ids.get(order.get(i)));
        return kept;
    }

    /** Applies a plan made for {@code nodes} (the active nodes, perhaps fewer): removed nodes stop being paid for. */
    void apply(PlanStep step, SortedMap<String, Double> nodes) {
        placement = step.placement();
        for (Move m : step.moves()) {
            if (m.kind() == Move.Kind.COPY)
                copies++;
            else
                promotions++;
        }
        active.keySet().retainAll(nodes.keySet());
    }

    /** Load of each active node (in {@link #activeIds()} order) for the given partition loads. */
    double[] nodeLoads(double[] partitionLoad, double backupShare) {
        Map<String, Integer> index = index();
        double[] load = new double[index.size()];
        for (int p = 0; p < partitionLoad.length; p++) {
            List<String> owners = placement.owners(p);
            for (int i = 0; i < owners.size(); i++)
                load[index.get(owners.get(i))] += i == 0 ? partitionLoad[p] : partitionLoad[p] * backupShare;
        }
        return load;
    }

    /** The largest single copy load on each active node (in {@link #activeIds()} order). */
    double[] largestCopies(double[] partitionLoad, double backupShare) {
        Map<String, Integer> index = index();
        double[] largest = new double[index.size()];
        for (int p = 0; p < partitionLoad.length; p++) {
            List<String> owners = placement.owners(p);
            for (int i = 0; i < owners.size(); i++) {
                int n = index.get(owners.get(i));
                largest[n] = Math.max(largest[n], i == 0 ? partitionLoad[p] : partitionLoad[p] * backupShare);
            }
        }
        return largest;
    }

    long copies() {
        return copies;
    }

    long promotions() {
        return promotions;
    }

    private Map<String, Integer> index() {
        List<String> ids = activeIds();
        Map<String, Integer> index = new HashMap<>();
        for (int n = 0; n < ids.size(); n++)
            index.put(ids.get(n), n);
        return index;
    }

    private String newId() {
        return String.format(Locale.ROOT, "node-%05d", nextId++);
    }
}
