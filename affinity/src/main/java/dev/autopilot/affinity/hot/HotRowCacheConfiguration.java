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
    private long warmIntervalMillis = 1000;

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

    /**
     * @return how often a node looks at the reads of its primary partitions and loads the rows of those that turned
     *     hot (see {@code HotPartitions}) before they are asked for; 0 = never, rows are kept as they are read
     */
    public long getWarmIntervalMillis() {
        return warmIntervalMillis;
    }

    /** @param warmIntervalMillis see {@link #getWarmIntervalMillis()}; 0 or at least 10 */
    public HotRowCacheConfiguration setWarmIntervalMillis(long warmIntervalMillis) {
        this.warmIntervalMillis = warmIntervalMillis;
        return this;
    }

    /** @throws IllegalArgumentException naming the setting and its value when one is out of range */
    public void validate() {
        if (maxBytes < 1024)
            throw new IllegalArgumentException("Invalid hot-row cache configuration: maxBytes = " + maxBytes
                + " (must be at least 1024)");
        if (warmIntervalMillis != 0 && warmIntervalMillis < 10)
            throw new IllegalArgumentException("Invalid hot-row cache configuration: warmIntervalMillis = "
                + warmIntervalMillis + " (must be 0 or at least 10)");
    }

    @Override public String toString() {
        return "HotRowCacheConfiguration [maxBytes=" + maxBytes + ", remoteReads=" + remoteReads
            + ", warmIntervalMillis=" + warmIntervalMillis + ']';
    }
}
