package dev.autopilot.adaptation.manage;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells when a table has been slow long enough to adapt, without flapping: a window counts as slow when the table's
 * queries took longer than the threshold on average, and the table is slow after {@code windows} slow windows in a
 * row. Hysteresis: only a window clearly fast (below {@code release} times the threshold) breaks a streak, so a
 * latency hovering around the threshold neither triggers nor resets on every window. Windows in which the table was not
 * read change nothing.
 */
public final class SlowTableDetector {
    private final double thresholdMs;
    private final int windows;
    private final double release;
    private final Map<String, Integer> streaks = new HashMap<>();

    /**
     * @param thresholdMs mean query latency above which a window is slow
     * @param windows slow windows in a row that make a table slow
     * @param release fraction of the threshold below which a window ends a streak
     */
    public SlowTableDetector(double thresholdMs, int windows, double release) {
        this.thresholdMs = thresholdMs;
        this.windows = windows;
        this.release = release;
    }

    /**
     * Records one window of {@code table}.
     *
     * @param meanMs the table's mean query latency in it, {@code NaN} when it was not read
     * @return whether the table is slow now
     */
    public boolean observe(String table, double meanMs) {
        int streak = streaks.getOrDefault(table, 0);
        if (meanMs > thresholdMs)
            streak++;
        else if (meanMs < thresholdMs * release)
            streak = 0;
        streaks.put(table, streak);
        return streak >= windows;
    }

    /** Starts {@code table}'s count again, after it was adapted. */
    public void reset(String table) {
        streaks.remove(table);
    }
}
