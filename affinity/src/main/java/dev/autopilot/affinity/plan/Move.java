package dev.autopilot.affinity.plan;

/**
 * One change between two placements.
 *
 * @param partition The partition.
 * @param from Node that gives up the role or copy, {@code null} when its copy was lost.
 * @param to Node that takes it.
 * @param kind What it costs.
 */
public record Move(int partition, String from, String to, Kind kind) {
    /** What a move costs the cluster. */
    public enum Kind {
        /** A backup becomes primary and the primary becomes backup: no data is copied. */
        PROMOTE,
        /** A copy of the partition is built on a node that did not have one: data is transferred. */
        COPY
    }
}
