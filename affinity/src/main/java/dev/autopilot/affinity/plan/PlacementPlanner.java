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

package dev.autopilot.affinity.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Plans where partitions go so that each node's predicted peak load stays within its capacity, changing as little
 * as possible: moving data costs a rebalance and an exchange, so the planner first repairs copies that sit on nodes
 * no longer in the node set, then relieves the most loaded node one move at a time, preferring to promote an existing
 * backup (no data copied) over copying a partition to another node, up to a cap of moves per step.
 *
 * <p>A primary carries its partition's whole load, a backup a share of it ({@link PlannerSettings#getBackupLoadShare}).
 * Deterministic: nodes are ordered by id and every tie goes to the lower partition or node, so the same input always
 * gives the same plan. Pure Java, no Ignite.
 */
public final class PlacementPlanner {
    /** How many of the least-utilized nodes are tried as targets of a copy. */
    private static final int COPY_CANDIDATES = 8;

    private final PlannerSettings settings;

    public PlacementPlanner(PlannerSettings settings) {
        this.settings = settings;
    }

    /**
     * @param current Current placement; its nodes may differ from {@code capacities}' (nodes added or removed).
     * @param capacities Capacity of each node of the target node set, by consistent id.
     * @param peakLoad Predicted peak load of each partition over the planning horizon.
     * @return The next step.
     */
    public PlanStep plan(Placement current, SortedMap<String, Double> capacities, double[] peakLoad) {
        if (peakLoad.length != current.partitions())
            throw new IllegalArgumentException("peakLoad has " + peakLoad.length + " partitions, the placement "
                + current.partitions());
        if (capacities.isEmpty())
            throw new IllegalArgumentException("capacities name no node");
        return new Run(current, capacities, peakLoad).plan();
    }

    /** The state of one planning run. */
    private final class Run {
        private final String[] ids;
        private final double[] cap;
        private final double[] load;
        private final double[] peak;
        private final int[][] owners;
        private final List<Move> moves = new ArrayList<>();
        private final double share = settings.getBackupLoadShare();

        Run(Placement current, SortedMap<String, Double> capacities, double[] peak) {
            this.peak = peak;
            ids = capacities.keySet().toArray(new String[0]);
            cap = new double[ids.length];
            Map<String, Integer> index = new HashMap<>();
            for (int n = 0; n < ids.length; n++) {
                index.put(ids[n], n);
                cap[n] = capacities.get(ids[n]) * settings.getTargetUtilization();
            }
            load = new double[ids.length];
            owners = new int[current.partitions()][];
            int copies = Math.min(settings.getBackups() + 1, ids.length);
            for (int p = 0; p < owners.length; p++) {
                owners[p] = repair(p, current.owners(p), index, copies);
                for (int i = 0; i < owners[p].length; i++)
                    load[owners[p][i]] += share(p, i);
            }
            for (int p = 0; p < owners.length; p++)
                fill(p, copies);
        }

        PlanStep plan() {
            boolean[] stuck = new boolean[ids.length];
            int relieving = 0;
            while (relieving < settings.getMaxMovesPerStep()) {
                int hot = hottest(stuck);
                if (hot < 0)
                    break;
                if (promote(hot) || copy(hot))
                    relieving++;
                else
                    stuck[hot] = true;
            }
            boolean fits = true;
            for (int n = 0; n < ids.length; n++)
                fits &= load[n] <= cap[n];
            return new PlanStep(Placement.ofIndexes(owners, ids), List.copyOf(moves), fits);
        }

        /** Keeps the owners still in the node set; a lost primary is replaced by its first surviving backup. */
        private int[] repair(int p, List<String> was, Map<String, Integer> index, int copies) {
            int[] kept = new int[copies];
            int k = 0;
            for (String id : was) {
                Integer n = index.get(id);
                if (n != null && k < copies)
                    kept[k++] = n;
            }
            if (k > 0 && !was.isEmpty() && !index.containsKey(was.get(0)))
                moves.add(new Move(p, was.get(0), ids[kept[0]], Move.Kind.PROMOTE));
            return Arrays.copyOf(kept, k);
        }

        /** Adds copies where the node set lost them (or never had enough), on the least-utilized nodes. */
        private void fill(int p, int copies) {
            while (owners[p].length < copies) {
                int i = owners[p].length;
                double add = i == 0 ? peak[p] : peak[p] * share;
                int best = -1;
                for (int n = 0; n < ids.length; n++) {
                    if (!owns(p, n) && (best < 0 || (load[n] + add) / cap[n] < (load[best] + add) / cap[best]))
                        best = n;
                }
                owners[p] = Arrays.copyOf(owners[p], i + 1);
                owners[p][i] = best;
                load[best] += add;
                moves.add(new Move(p, null, ids[best], Move.Kind.COPY));
            }
        }

        /** The most utilized node over its capacity that has not been found stuck, or -1. */
        private int hottest(boolean[] stuck) {
            int hot = -1;
            for (int n = 0; n < ids.length; n++) {
                if (!stuck[n] && load[n] > cap[n] && (hot < 0 || load[n] / cap[n] > load[hot] / cap[hot]))
                    hot = n;
            }
            return hot;
        }

        /** Swaps a primary of {@code hot} with one of its backups, the swap that leaves both nodes least utilized. */
        private boolean promote(int hot) {
            double bestScore = Double.POSITIVE_INFINITY;
            int bestP = -1;
            int bestI = -1;
            for (int p = 0; p < owners.length; p++) {
                if (owners[p][0] != hot)
                    continue;
                double delta = peak[p] * (1 - share);
                for (int i = 1; i < owners[p].length; i++) {
                    int b = owners[p][i];
                    double score = score(hot, -delta, b, delta);
                    if (score < bestScore) {
                        bestScore = score;
                        bestP = p;
                        bestI = i;
                    }
                }
            }
            if (bestP < 0)
                return false;
            int b = owners[bestP][bestI];
            double delta = peak[bestP] * (1 - share);
            owners[bestP][bestI] = hot;
            owners[bestP][0] = b;
            load[hot] -= delta;
            load[b] += delta;
            moves.add(new Move(bestP, ids[hot], ids[b], Move.Kind.PROMOTE));
            return true;
        }

        /** Moves a copy (primary or backup) from {@code hot} to a node without one, where it fits best. */
        private boolean copy(int hot) {
            int[] targets = leastUtilized(hot);
            double bestScore = Double.POSITIVE_INFINITY;
            int bestP = -1;
            int bestI = -1;
            int bestT = -1;
            for (int p = 0; p < owners.length; p++) {
                for (int i = 0; i < owners[p].length; i++) {
                    if (owners[p][i] != hot)
                        continue;
                    double delta = share(p, i);
                    for (int t : targets) {
                        if (owns(p, t))
                            continue;
                        double score = score(hot, -delta, t, delta);
                        if (score < bestScore) {
                            bestScore = score;
                            bestP = p;
                            bestI = i;
                            bestT = t;
                        }
                    }
                }
            }
            if (bestP < 0)
                return false;
            double delta = share(bestP, bestI);
            owners[bestP][bestI] = bestT;
            load[hot] -= delta;
            load[bestT] += delta;
            moves.add(new Move(bestP, ids[hot], ids[bestT], Move.Kind.COPY));
            return true;
        }

        /**
         * The higher utilization of the two nodes after moving {@code delta} from {@code hot} to {@code to}; infinite
         * when the move overloads {@code to} or does not lower the higher utilization of the two.
         */
        private double score(int hot, double minus, int to, double plus) {
            if (plus <= 0)
                return Double.POSITIVE_INFINITY;
            double after = Math.max((load[hot] + minus) / cap[hot], (load[to] + plus) / cap[to]);
            boolean fits = load[to] + plus <= cap[to];
            return fits && after < load[hot] / cap[hot] ? after : Double.POSITIVE_INFINITY;
        }

        private int[] leastUtilized(int except) {
            Integer[] order = new Integer[ids.length];
            for (int n = 0; n < ids.length; n++)
                order[n] = n;
            Arrays.sort(order, (a, b) -> Double.compare(load[a] / cap[a], load[b] / cap[b]));
            return Arrays.stream(order).filter(n -> n != except).limit(COPY_CANDIDATES).mapToInt(Integer::intValue).toArray();
        }

        private double share(int p, int i) {
            return i == 0 ? peak[p] : peak[p] * share;
        }

        private boolean owns(int p, int n) {
            for (int o : owners[p]) {
                if (o == n)
                    return true;
            }
            return false;
        }
    }
}
