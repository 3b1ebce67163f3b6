package dev.autopilot.adaptation.mining;

import java.util.List;

/**
 * One window of observed workload over the managed tables: the input of a profile generation run.
 *
 * @param windowStart start of the window, epoch millis
 * @param windowEnd end of the window (exclusive), epoch millis; also the version of the profiles made from it
 * @param tables the managed tables and their workload
 */
public record WorkloadSnapshot(long windowStart, long windowEnd, List<TableWorkload> tables) {
    public WorkloadSnapshot {
        if (windowEnd <= windowStart)
            throw new IllegalArgumentException("windowEnd = " + windowEnd + " must be after windowStart = "
                + windowStart);
        tables = List.copyOf(tables);
    }

    /** @return the window's length in seconds */
    public double seconds() {
        return (windowEnd - windowStart) / 1000.0;
    }
}
