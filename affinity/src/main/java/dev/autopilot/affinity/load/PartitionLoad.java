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

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.Affinity;

/**
 * The per-partition reads and writes one node counted, per cache: what the placement planner needs to measure load in
 * partitions rather than tables. Kept in the node's local map; the hot-row interceptor counts into it.
 */
public final class PartitionLoad {
    private static final String LOCAL_KEY = PartitionLoad.class.getName();

    private final Ignite ignite;
    private final Map<String, Counted> caches = new ConcurrentHashMap<>();

    private PartitionLoad(Ignite ignite) {
        this.ignite = ignite;
    }

    /** @return the counts of {@code ignite}'s node */
    public static PartitionLoad of(Ignite ignite) {
        ConcurrentMap<String, PartitionLoad> local = ignite.cluster().nodeLocalMap();
        PartitionLoad load = local.get(LOCAL_KEY);
        return load != null ? load : local.computeIfAbsent(LOCAL_KEY, k -> new PartitionLoad(ignite));
    }

    /** Counts a read of {@code key}. */
    public void read(String cacheName, Object key) {
        Counted c = counted(cacheName);
        c.traffic.read(c.affinity.partition(key));
    }

    /** Counts a write of {@code key}. */
    public void write(String cacheName, Object key) {
        Counted c = counted(cacheName);
        c.traffic.write(c.affinity.partition(key));
    }

    /** @return the counters of a cache, created on first use */
    public PartitionTraffic traffic(String cacheName) {
        return counted(cacheName).traffic;
    }

    /** @return the key's partition in {@code cacheName} */
    public int partition(String cacheName, Object key) {
        return counted(cacheName).affinity.partition(key);
    }

    /** @return the counters of every cache counted so far, by cache name */
    public Map<String, PartitionTraffic> all() {
        Map<String, PartitionTraffic> out = new TreeMap<>();
        caches.forEach((name, c) -> out.put(name, c.traffic));
        return out;
    }

    private Counted counted(String cacheName) {
        Counted c = caches.get(cacheName);
        return c != null ? c : caches.computeIfAbsent(cacheName, name -> {
            Affinity<Object> aff = ignite.affinity(name);
            return new Counted(new PartitionTraffic(aff.partitions()), aff);
        });
    }

    private record Counted(PartitionTraffic traffic, Affinity<Object> affinity) {
    }
}
