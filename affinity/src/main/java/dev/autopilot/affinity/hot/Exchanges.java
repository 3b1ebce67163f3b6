package dev.autopilot.affinity.hot;

/**
 * What the hot-row memory needs to know about Ignite's partition map exchanges, the only moments at which a partition
 * changes its primary node.
 */
public interface Exchanges {
    /**
     * @return a number that changes when an exchange starts on this node and again when it ends there, always before
     *     another node can acknowledge a write under the exchange's new assignment
     */
    long epoch();

    /** @return whether no exchange is in progress on this node, so its view of primaries is the cluster's */
    boolean settled();
}
