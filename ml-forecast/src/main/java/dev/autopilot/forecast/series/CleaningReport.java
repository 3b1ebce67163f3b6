package dev.autopilot.forecast.series;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the cleaner had to change in a series and why: bad input is repaired, never fatal, but it must be visible.
 */
public final class CleaningReport {
    private final List<String> issues = new ArrayList<>();

    void add(String issue) {
        issues.add(issue);
    }

    /** Human-readable issues, empty when the input was clean. */
    public List<String> issues() {
        return Collections.unmodifiableList(issues);
    }

    public boolean clean() {
        return issues.isEmpty();
    }

    @Override public String toString() {
        return clean() ? "clean" : String.join("; ", issues);
    }
}
