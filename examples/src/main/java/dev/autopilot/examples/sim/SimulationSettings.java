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

import java.util.Locale;

/**
 * What the simulation replays and how the policies behave: a plain bean, also set from {@code key=value} arguments.
 */
public final class SimulationSettings {
    private String traces = "../shared/data/load-traces";
    private int nodes = 100;
    private int partitionsPerNode = 16;
    private int phasesPerTrace = 4;
    private int trainWindows = 6048;
    private int windows = 2016;
    private long windowMillis = 300_000;
    private int backups = 1;
    private double backupLoadShare = 0.2;
    private double skew = 1.0;
    private double staticUtilization = 0.7;
    private double scalingUtilization = 0.7;
    private double placementUtilization = 0.8;
    private int provisionLeadWindows = 2;
    private int horizon = 12;
    private double coverage = 0.95;
    private double movesPerStepShare = 0.05;
    private long seed = 42;

    /** Applies {@code key=value} arguments, e.g. {@code nodes=100 windows=2016}. */
    public static SimulationSettings parse(String... args) {
        SimulationSettings s = new SimulationSettings();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1)
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            String key = arg.substring(0, eq).trim();
            String val = arg.substring(eq + 1).trim();
            switch (key) {
                case "traces" -> s.traces = val;
                case "nodes" -> s.nodes = positive(key, Integer.parseInt(val));
                case "partitionsPerNode" -> s.partitionsPerNode = positive(key, Integer.parseInt(val));
                case "phasesPerTrace" -> s.phasesPerTrace = positive(key, Integer.parseInt(val));
                case "trainWindows" -> s.trainWindows = positive(key, Integer.parseInt(val));
                case "windows" -> s.windows = positive(key, Integer.parseInt(val));
                case "skew" -> s.skew = Double.parseDouble(val);
                case "scalingUtilization" -> s.scalingUtilization = Double.parseDouble(val);
                case "placementUtilization" -> s.placementUtilization = Double.parseDouble(val);
                case "provisionLeadWindows" -> s.provisionLeadWindows = Integer.parseInt(val);
                case "coverage" -> s.coverage = coverage(Double.parseDouble(val));
                case "seed" -> s.seed = Long.parseLong(val);
                default -> throw new IllegalArgumentException("unknown setting '" + key + "' in '" + arg + "'");
            }
        }
        return s;
    }

    private static int positive(String key, int v) {
        if (v <= 0)
            throw new IllegalArgumentException(key + " must be positive: " + v);
        return v;
    }

    private static double coverage(double v) {
        if (!(v > 0 && v < 1))
            throw new IllegalArgumentException("coverage must be in (0, 1): " + v);
        return v;
    }

    /** Folder of {@code timestamp,value} CSV traces, relative to the working directory or the repository root. */
    public String traces() {
        return traces;
    }

    /** Nodes of the static fleet, provisioned for the peak; the other policies start from it too. */
    public int nodes() {
        return nodes;
    }

    public int partitions() {
        return nodes * partitionsPerNode;
    }

    /** Each trace is replayed this many times, each shifted by a different number of days: one partition group each. */
    public int phasesPerTrace() {
        return phasesPerTrace;
    }

    /** Windows before the replay that the forecasters train on. */
    public int trainWindows() {
        return trainWindows;
    }

    /** Windows replayed. */
    public int windows() {
        return windows;
    }

    public long windowMillis() {
        return windowMillis;
    }

    public int backups() {
        return backups;
    }

    /** Load of a backup copy as a share of its partition's load. */
    public double backupLoadShare() {
        return backupLoadShare;
    }

    /** Sigma of the log-normal spread of partition sizes within a group: 0 makes all partitions equal. */
    public double skew() {
        return skew;
    }

    /** Mean utilization of the static fleet at the replay's peak total load: sets the node capacity. */
    public double staticUtilization() {
        return staticUtilization;
    }

    /** Mean utilization the scaling policies size the fleet for. */
    public double scalingUtilization() {
        return scalingUtilization;
    }

    /** Share of a node's capacity the predictive placement fills with predicted peaks, the rest is headroom. */
    public double placementUtilization() {
        return placementUtilization;
    }

    /** Windows between asking for a node and its taking load (boot, join, rebalance). */
    public int provisionLeadWindows() {
        return provisionLeadWindows;
    }

    /** Windows forecast ahead. */
    public int horizon() {
        return horizon;
    }

    /** Coverage of the forecast intervals the predictive policy sizes the fleet and each node's burst room by. */
    public double coverage() {
        return coverage;
    }

    /** Most relieving moves per window, as a share of the partitions. */
    public int maxMovesPerStep() {
        return Math.max(1, (int)Math.round(partitions() * movesPerStepShare));
    }

    public long seed() {
        return seed;
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "nodes=%d partitions=%d phases=%d windows=%d (%d min each) train=%d backups=%d "
                + "backupShare=%.2f skew=%.1f lead=%d horizon=%d coverage=%.3f maxMoves=%d seed=%d", nodes, partitions(),
            phasesPerTrace, windows, windowMillis / 60_000, trainWindows, backups, backupLoadShare, skew, provisionLeadWindows, horizon,
            coverage, maxMovesPerStep(), seed);
    }
}
