package dev.autopilot.affinity.hot;

import java.io.Serializable;

/**
 * Settings of one cache's hot-row memory on each node, a plain bean (Spring XML works). The bound is per node: a node
 * keeps rows only of the partitions it is primary for, so a cluster holds up to {@code nodes × maxBytes}.
 */
public class HotRowCacheConfiguration implements Serializable {
    private static final long serialVersionUID = 1L;

    private long maxBytes = 64L << 20;
    private boolean remoteReads = true;

    /** @return the estimated memory a node may spend on this cache's rows */
    public long getMaxBytes() {
        return maxBytes;
    }

    /** @param maxBytes the estimated memory a node may spend on this cache's rows, at least 1 KiB */
    public HotRowCacheConfiguration setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
        return this;
    }

    /**
     * @return whether a read on a node that is not the key's primary is sent to the primary (one compute call) to be
     *     served from its memory; otherwise such a read is an ordinary {@code IgniteCache.get}
     */
    public boolean isRemoteReads() {
        return remoteReads;
    }

    /** @param remoteReads see {@link #isRemoteReads()} */
    public HotRowCacheConfiguration setRemoteReads(boolean remoteReads) {
        this.remoteReads = remoteReads;
        return this;
    }

    /** @throws IllegalArgumentException naming the setting and its value when one is out of range */
    public void validate() {
        if (maxBytes < 1024)
            throw new IllegalArgumentException("Invalid hot-row cache configuration: maxBytes = " + maxBytes
                + " (must be at least 1024)");
    }

    @Override public String toString() {
        return "HotRowCacheConfiguration [maxBytes=" + maxBytes + ", remoteReads=" + remoteReads + ']';
    }
}
