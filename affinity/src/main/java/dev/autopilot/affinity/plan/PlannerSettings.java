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

/**
 * Settings of the {@link PlacementPlanner}, a plain bean.
 */
public final class PlannerSettings {
    private int backups = 1;
    private int maxMovesPerStep = 16;
    private double backupLoadShare = 0.2;
    private double targetUtilization = 1.0;

    public int getBackups() {
        return backups;
    }

    /** Backup copies per partition, as in the cache configuration. */
    public PlannerSettings setBackups(int backups) {
        if (backups < 0)
            throw new IllegalArgumentException("backups must not be negative: " + backups);
        this.backups = backups;
        return this;
    }

    public int getMaxMovesPerStep() {
        return maxMovesPerStep;
    }

    /** Most promotions and copies made to relieve load in one step (moves that replace a lost copy do not count). */
    public PlannerSettings setMaxMovesPerStep(int maxMovesPerStep) {
        if (maxMovesPerStep < 0)
            throw new IllegalArgumentException("maxMovesPerStep must not be negative: " + maxMovesPerStep);
        this.maxMovesPerStep = maxMovesPerStep;
        return this;
    }

    public double getBackupLoadShare() {
        return backupLoadShare;
    }

    /** Load a backup copy puts on its node, as a share of the partition's load (backups apply the writes). */
    public PlannerSettings setBackupLoadShare(double share) {
        if (!(share >= 0 && share <= 1))
            throw new IllegalArgumentException("backupLoadShare must be in [0, 1]: " + share);
        this.backupLoadShare = share;
        return this;
    }

    public double getTargetUtilization() {
        return targetUtilization;
    }

    /** Share of each node's capacity the planner fills at most; below 1 keeps headroom for forecast errors. */
    public PlannerSettings setTargetUtilization(double utilization) {
        if (!(utilization > 0 && utilization <= 1))
            throw new IllegalArgumentException("targetUtilization must be in (0, 1]: " + utilization);
        this.targetUtilization = utilization;
        return this;
    }
}
