package dev.autopilot.examples.workload;

import java.time.Duration;

/**
 * What {@link TpchLoader#load()} wrote: the row counts the cluster acknowledged and how long it took, so a demo
 * or benchmark can report them and a test can compare them with what the generator produced.
 *
 * @param orders rows inserted into ORDERS
 * @param lineItems rows inserted into LINEITEM
 * @param elapsed wall time of the whole load
 */
public record LoadResult(long orders, long lineItems, Duration elapsed) {
    /** Rows per second over both tables. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;

        return seconds > 0 ? (orders + lineItems) / seconds : 0;
    }
}
