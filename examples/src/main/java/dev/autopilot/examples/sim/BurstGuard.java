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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import dev.autopilot.affinity.plan.Move;
import dev.autopilot.affinity.plan.Placement;
import dev.autopilot.affinity.plan.PlanStep;

/**
 * Keeps room on every node for the largest burst one of its partition groups may make before the next placement.
 *
 * <p>The partitions of a group burst together (they share the group's shape) while different groups burst at
 * different times, so a node's exposure is the largest, over its groups, of the summed burst allowances of its copies
 * in that group, not the sum over all groups. While a node's planned load plus exposure (its risk) is above its
 * capacity, it promotes a backup of one of its primaries (no data copied) or copies one of its copies to a node with
 * the most room, whichever leaves the higher risk of the two nodes lowest. Its moves are capped like the planner's.
 */
final class BurstGuard {
    /** How many of the nodes with the most room are tried as targets of a copy. */
    private static final int COPY_CANDIDATES = 8;

    private final int[] groupOf;
    private final int groups;
    private final double backupShare;

    BurstGuard(int[] groupOf, int groups, double backupShare) {
        this.groupOf = groupOf;
        this.groups = groups;
        this.backupShare = backupShare;
    }

    /** The room each node of {@code placement} needs for the largest burst of one of its groups, by node id. */
    Map<String, Double> room(Placement placement, double[] burst) {
        Map<String, double[]> byGroup = new HashMap<>();
        for (int p = 0; p < placement.partitions(); p++) {
            List<String> owners = placement.owners(p);
            for (int i = 0; i < owners.size(); i++)
                byGroup.computeIfAbsent(owners.get(i), id -> new double[groups])[groupOf[p]] += share(i) * burst[p];
        }
        Map<String, Double> room = new HashMap<>();
        byGroup.forEach((id, exposure) -> room.put(id, Arrays.stream(exposure).max().orElse(0)));
        return room;
    }

    /**
     * @param step The planner's step: its placement is guarded, its moves are kept.
     * @param nodes Capacity of each node, by id.
     * @param level Planned load of each partition.
     * @param burst Load each partition may add on top of its planned load in a burst.
     * @param maxMoves Most moves this guard may add.
     * @return The planner's step followed by the guard's moves.
     */
    PlanStep guard(PlanStep step, SortedMap<String, Double> nodes, double[] level, double[] burst, int maxMoves) {
        return new Run(step, nodes, level, burst).guard(maxMoves);
    }

    /** The share of a partition's load that its copy {@code i} carries: all for the primary. */
    private double share(int i) {
        return i == 0 ? 1 : backupShare;
    }

    /** The state of one guarding run. */
    private final class Run {
        private final String[] ids;
        private final double[] cap;
        private final double[] load;
        private final double[][] exposure;
        private final int[][] owners;
        private final double[] level;
        private final double[] burst;
        private final List<Move> moves;

        Run(PlanStep step, SortedMap<String, Double> nodes, double[] level, double[] burst) {
            this.level = level;
            this.burst = burst;
            moves = new ArrayList<>(step.moves());
            ids = nodes.keySet().toArray(new String[0]);
            cap = new double[ids.length];
            Map<String, Integer> index = new HashMap<>();
            for (int n = 0; n < ids.length; n++) {
                index.put(ids[n], n);
                cap[n] = nodes.get(ids[n]);
            }
            load = new double[ids.length];
            exposure = new double[ids.length][groups];
            Placement placement = step.placement();
            owners = new int[placement.partitions()][];
            for (int p = 0; p < owners.length; p++) {
                List<String> o = placement.owners(p);
                owners[p] = new int[o.size()];
                for (int i = 0; i < o.size(); i++) {
                    owners[p][i] = index.get(o.get(i));
                    add(p, i, owners[p][i], 1);
                }
            }
        }

        PlanStep guard(int maxMoves) {
            boolean[] stuck = new boolean[ids.length];
            boolean fits = true;
            for (int added = 0; added < maxMoves; ) {
                int hot = mostExposed(stuck);
                if (hot < 0)
                    break;
                if (relieve(hot))
                    added++;
                else
                    stuck[hot] = true;
            }
            for (int n = 0; n < ids.length; n++)
                fits &= risk(n) <= cap[n];
            return new PlanStep(Placement.ofIndexes(owners, ids), List.copyOf(moves), fits);
        }

        /** The node furthest above its capacity with its exposure counted, not found stuck, or -1. */
        private int mostExposed(boolean[] stuck) {
            int hot = -1;
            for (int n = 0; n < ids.length; n++) {
                if (!stuck[n] && risk(n) > cap[n] && (hot < 0 || risk(n) / cap[n] > risk(hot) / cap[hot]))
                    hot = n;
            }
            return hot;
        }

        /** Makes the move off {@code hot}, promotion or copy, that leaves the higher risk of the two nodes lowest. */
        private boolean relieve(int hot) {
            double before = risk(hot) / cap[hot];
            double best = before;
            int bestP = -1;
            int bestI = -1;
            int bestTo = -1;
            int[] targets = mostRoom(hot);
            for (int p = 0; p < owners.length; p++) {
                for (int i = 0; i < owners[p].length; i++) {
                    if (owners[p][i] != hot)
                        continue;
                    if (i == 0) {
                        for (int b = 1; b < owners[p].length; b++) {
                            double score = scoreSwap(p, b);
                            if (score < best - 1e-9) {
                                best = score;
                                bestP = p;
                                bestI = b;
                                bestTo = -1;
                            }
                        }
                    }
                    for (int t : targets) {
                        if (owns(p, t))
                            continue;
                        double score = scoreCopy(p, i, hot, t);
                        if (score < best - 1e-9) {
                            best = score;
                            bestP = p;
                            bestI = i;
                            bestTo = t;
                        }
                    }
                }
            }
            if (bestP < 0)
                return false;
            if (bestTo < 0)
                swap(bestP, bestI);
            else
                copy(bestP, bestI, bestTo);
            return true;
        }

        /** The score of promoting backup {@code b} of {@code p}: see {@link #riskScore}. */
        private double scoreSwap(int p, int b) {
            promotionLoad(p, b, 1);
            double score = riskScore(owners[p][0], owners[p][b]);
            promotionLoad(p, b, -1);
            return score;
        }

        /** Shifts the loads as promoting backup {@code b} of {@code p} would ({@code sign} 1), or shifts them back (-1). */
        private void promotionLoad(int p, int b, int sign) {
            int primary = owners[p][0];
            int backup = owners[p][b];
            add(p, 0, primary, -sign);
            add(p, b, backup, -sign);
            add(p, 0, backup, sign);
            add(p, b, primary, sign);
        }

        /** The score of moving copy {@code i} of {@code p} from {@code from} to {@code to}: see {@link #riskScore}. */
        private double scoreCopy(int p, int i, int from, int to) {
            add(p, i, from, -1);
            add(p, i, to, 1);
            double score = riskScore(from, to);
            add(p, i, to, -1);
            add(p, i, from, 1);
            return score;
        }

        /** The higher risk of the two nodes, relative to capacity; infinite when {@code to} would not fit. */
        private double riskScore(int from, int to) {
            return risk(to) > cap[to] ? Double.POSITIVE_INFINITY : Math.max(risk(from) / cap[from], risk(to) / cap[to]);
        }

        private void swap(int p, int b) {
            int hot = owners[p][0];
            int to = owners[p][b];
            promotionLoad(p, b, 1);
            owners[p][0] = to;
            owners[p][b] = hot;
            moves.add(new Move(p, ids[hot], ids[to], Move.Kind.PROMOTE));
        }

        private void copy(int p, int i, int to) {
            int from = owners[p][i];
            add(p, i, from, -1);
            add(p, i, to, 1);
            owners[p][i] = to;
            moves.add(new Move(p, ids[from], ids[to], Move.Kind.COPY));
        }

        /** Adds ({@code sign} 1) or removes (-1) copy {@code i} of partition {@code p} on node {@code n}. */
        private void add(int p, int i, int n, int sign) {
            load[n] += sign * share(i) * level[p];
            exposure[n][groupOf[p]] += sign * share(i) * burst[p];
        }

        /** Planned load plus the largest burst of one group. */
        private double risk(int n) {
            double worst = 0;
            for (double e : exposure[n])
                worst = Math.max(worst, e);
            return load[n] + worst;
        }

        private int[] mostRoom(int except) {
            Integer[] order = new Integer[ids.length];
            for (int n = 0; n < ids.length; n++)
                order[n] = n;
            Arrays.sort(order, (a, b) -> Double.compare(risk(a) / cap[a], risk(b) / cap[b]));
            return Arrays.stream(order).filter(n -> n != except).limit(COPY_CANDIDATES).mapToInt(Integer::intValue)
                .toArray();
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
