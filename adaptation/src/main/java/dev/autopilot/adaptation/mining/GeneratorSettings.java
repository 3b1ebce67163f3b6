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

package dev.autopilot.adaptation.mining;

/**
 * Budgets and thresholds of the profile generator, per partition. Invalid values are refused when the settings are
 * made, with the setting's name and value.
 *
 * @param memoryBudgetBytes memory the structures of one partition may take in total
 * @param maxStructures derived attributes plus indexes one partition may have
 * @param minTimeShare a new structure must serve templates that took at least this share of the table's query time
 *     in the window (executions × mean latency)
 * @param maxIndexSelectivity an index only counts as used by a template when it leaves at most this fraction of
 *     the rows to read (beyond it, a scan is as good)
 * @param rowReadsPerStructureWrite what maintaining one structure for one row write costs, in row reads
 * @param rowReadsPerOperation what computing one operator or function for one row costs, in row reads: the saving
 *     of a derived attribute that a template projects or groups by
 */
public record GeneratorSettings(long memoryBudgetBytes, int maxStructures, double minTimeShare,
    double maxIndexSelectivity, double rowReadsPerStructureWrite, double rowReadsPerOperation) {
    /**
     * The defaults: 256 MB and 6 structures per partition, 15% of the time, 20% selectivity, a write costs 50 row reads,
     * an operation 0.02.
     */
    public static final GeneratorSettings DEFAULTS = new GeneratorSettings(256L << 20, 6, 0.15, 0.2, 50, 0.02);

    public GeneratorSettings {
        if (memoryBudgetBytes < 0)
            throw new IllegalArgumentException("memoryBudgetBytes = " + memoryBudgetBytes + " (must be 0 or more)");
        if (maxStructures < 0)
            throw new IllegalArgumentException("maxStructures = " + maxStructures + " (must be 0 or more)");
        if (!(minTimeShare >= 0 && minTimeShare <= 1))
            throw new IllegalArgumentException("minTimeShare = " + minTimeShare + " (must be 0 to 1)");
        if (!(maxIndexSelectivity > 0 && maxIndexSelectivity <= 1))
            throw new IllegalArgumentException("maxIndexSelectivity = " + maxIndexSelectivity
                + " (must be above 0, at most 1)");
        if (!(rowReadsPerStructureWrite >= 0))
            throw new IllegalArgumentException("rowReadsPerStructureWrite = " + rowReadsPerStructureWrite
                + " (must be 0 or more)");
        if (!(rowReadsPerOperation >= 0))
            throw new IllegalArgumentException("rowReadsPerOperation = " + rowReadsPerOperation + " (must be 0 or more)");
    }

    /** @return these settings with another memory budget */
    public GeneratorSettings withMemoryBudgetBytes(long bytes) {
        return new GeneratorSettings(bytes, maxStructures, minTimeShare, maxIndexSelectivity,
            rowReadsPerStructureWrite, rowReadsPerOperation);
    }

    /** @return these settings with another structure limit */
    public GeneratorSettings withMaxStructures(int max) {
        return new GeneratorSettings(memoryBudgetBytes, max, minTimeShare, maxIndexSelectivity,
            rowReadsPerStructureWrite, rowReadsPerOperation);
    }
}
