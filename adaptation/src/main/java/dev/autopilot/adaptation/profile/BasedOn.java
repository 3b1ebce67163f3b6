package dev.autopilot.adaptation.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The observations a profile was computed from, so that a profile can be judged against the workload it saw.
 *
 * @param windowStart start of the query-log window, epoch millis
 * @param windowEnd end of the window (exclusive), epoch millis
 * @param queries executions of statements on the table in the window
 */
public record BasedOn(
    @JsonProperty("window_start") Long windowStart,
    @JsonProperty("window_end") Long windowEnd,
    @JsonProperty("queries") Long queries
) {
}
