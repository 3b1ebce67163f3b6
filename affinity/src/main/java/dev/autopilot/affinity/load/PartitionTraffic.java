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

package dev.autopilot.affinity.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * Reads and writes of one cache's partitions counted on one node, since the node started counting. Counters only grow;
 * whoever needs a window keeps the {@link #snapshot()} it took last and subtracts. A count is one {@code LongAdder}
 * increment (striped, so threads counting the same hot partition do not contend on one word).
 */
public final class PartitionTraffic {
    private final LongAdder[] reads;
    private final LongAdder[] writes;

    /** @param partitions the cache's partition count */
    public PartitionTraffic(int partitions) {
        reads = new LongAdder[partitions];
        writes = new LongAdder[partitions];
        for (int p = 0; p < partitions; p++) {
            reads[p] = new LongAdder();
            writes[p] = new LongAdder();
        }
    }

    public void read(int partition) {
        reads[partition].increment();
    }

    public void write(int partition) {
        writes[partition].increment();
    }

    public int partitions() {
        return reads.length;
    }

    /** @return the counts so far (each counter read once; counts racing with it land in the next snapshot) */
    public Counts snapshot() {
        long[] r = new long[reads.length];
        long[] w = new long[writes.length];
        for (int p = 0; p < r.length; p++) {
            r[p] = reads[p].sum();
            w[p] = writes[p].sum();
        }
        return new Counts(r, w);
    }

    /** Reads and writes per partition. */
    public record Counts(long[] reads, long[] writes) {
        /** @return the counts of a cache with {@code partitions} partitions before anything was counted */
        public static Counts zero(int partitions) {
            return new Counts(new long[partitions], new long[partitions]);
        }

        /** @return what was counted after {@code earlier} */
        public Counts minus(Counts earlier) {
            long[] r = reads.clone();
            long[] w = writes.clone();
            for (int p = 0; p < r.length; p++) {
                r[p] -= earlier.reads[p];
                w[p] -= earlier.writes[p];
            }
            return new Counts(r, w);
        }
    }
}
