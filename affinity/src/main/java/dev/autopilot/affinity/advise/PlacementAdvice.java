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

package dev.autopilot.affinity.advise;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.autopilot.affinity.plan.Move;
import dev.autopilot.affinity.plan.Placement;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;

import static dev.autopilot.sql.tables.AutopilotTables.PARTITION_LOAD;
import static dev.autopilot.sql.tables.AutopilotTables.PLACEMENT_DECISIONS;

/**
 * One round of the placement advisor on a live cluster, in dry run: for every cache in the latest window of
 * {@code AUTOPILOT.PARTITION_LOAD}, the decision from that window, recorded in {@code AUTOPILOT.PLACEMENT_DECISIONS}
 * (once per cache and window) with the load the proposed placement would have had in the next window filled into the
 * previous decision ({@code ACTUAL_PEAK} against {@code PREDICTED_PEAK}). Nothing is moved: plans are applied
 * through changes of node set ({@code dev.autopilot.affinity.apply.StandbyScaler}).
 */
public final class PlacementAdvice {
    /** The only mode so far. */
    public static final String DRY_RUN = "DRY_RUN";

    private PlacementAdvice() {
    }

    /** @return the decisions recorded in this round (none for a window already decided) */
    public static List<PlacementDecision> run(Ignite ignite, PlacementAdvisor advisor) {
        IgniteCache<Object, BinaryObject> decisions = PLACEMENT_DECISIONS.cache(ignite);
        IgniteBinary bin = ignite.binary();
        List<PlacementDecision> made = new ArrayList<>();
        for (WindowLoad w : latestWindow(ignite)) {
            Object key = PLACEMENT_DECISIONS.key(bin, w.cache, new Timestamp(w.start));
            if (decisions.containsKey(key) || ignite.cache(w.cache) == null)
                continue;
            List<String> nodes = ignite.cluster().forServers().nodes().stream()
                .map(n -> String.valueOf(n.consistentId())).sorted().toList();
            PlacementDecision d = advisor.decide(w.cache, w.start, w.end, live(ignite, w.cache), nodes, w.load);
            fillActual(ignite, decisions, d, w.load, advisor);
            decisions.put(key, PLACEMENT_DECISIONS.value(bin, new Timestamp(w.end),
                new Timestamp(System.currentTimeMillis()), DRY_RUN, d.reason(), d.moves().size(), moves(d.moves()),
                NodeLoads.render(d.nodeLoad()), NodeLoads.render(d.plannedLoad()), d.predictedPeak(), null,
                encode(d.placement())));
            made.add(d);
        }
        return made;
    }

    /** The previous decision of the cache learns what its placement would have carried in this window. */
    private static void fillActual(Ignite ignite, IgniteCache<Object, BinaryObject> decisions, PlacementDecision d,
        double[] load, PlacementAdvisor advisor) {
        List<List<?>> prev = ignite.cache(PLACEMENT_DECISIONS.cacheName()).query(new SqlFieldsQuery(
            "SELECT WINDOW_START, PLAN FROM AUTOPILOT.PLACEMENT_DECISIONS WHERE CACHE_NAME = ? AND WINDOW_START < ? "
                + "ORDER BY WINDOW_START DESC LIMIT 1").setArgs(d.cacheName(), new Timestamp(d.windowStart())))
            .getAll();
        if (prev.isEmpty())
            return;
        Placement planned = decode((String)prev.get(0).get(1));
        if (planned.partitions() != load.length)
            return;
        double actual = NodeLoads.peak(NodeLoads.of(planned, load, advisor.backupShare(), List.of()));
        Object key = PLACEMENT_DECISIONS.key(ignite.binary(), d.cacheName(), prev.get(0).get(0));
        BinaryObject row = decisions.get(key);
        if (row != null)
            decisions.put(key, row.toBuilder().setField("ACTUAL_PEAK", actual).build());
    }

    private record WindowLoad(String cache, long start, long end, double[] load) {
    }

    /** @return each cache's per-partition load (reads + writes over all nodes) in the latest window recorded */
    private static List<WindowLoad> latestWindow(Ignite ignite) {
        List<List<?>> rows = ignite.cache(PARTITION_LOAD.cacheName()).query(new SqlFieldsQuery(
            "SELECT CACHE_NAME, PARTITION_ID, SUM(READS) + SUM(WRITES), MIN(WINDOW_START), MAX(WINDOW_END) "
                + "FROM AUTOPILOT.PARTITION_LOAD WHERE WINDOW_START = "
                + "(SELECT MAX(WINDOW_START) FROM AUTOPILOT.PARTITION_LOAD) GROUP BY CACHE_NAME, PARTITION_ID"))
            .getAll();
        Map<String, WindowLoad> out = new HashMap<>();
        for (List<?> r : rows) {
            String cache = (String)r.get(0);
            if (ignite.cache(cache) == null)
                continue;
            WindowLoad w = out.computeIfAbsent(cache, c -> new WindowLoad(c, ((Timestamp)r.get(3)).getTime(),
                ((Timestamp)r.get(4)).getTime(), new double[ignite.affinity(c).partitions()]));
            w.load[((Number)r.get(1)).intValue()] = ((Number)r.get(2)).doubleValue();
        }
        return out.values().stream().sorted((a, b) -> a.cache.compareTo(b.cache)).toList();
    }

    private static Placement live(Ignite ignite, String cache) {
        int parts = ignite.affinity(cache).partitions();
        List<List<String>> rows = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            List<String> owners = new ArrayList<>();
            for (ClusterNode n : ignite.affinity(cache).mapPartitionToPrimaryAndBackups(p))
                owners.add(String.valueOf(n.consistentId()));
            rows.add(owners);
        }
        return new Placement(rows);
    }

    private static String moves(List<Move> moves) {
        return moves.stream().map(m -> "p" + m.partition() + ' ' + (m.from() == null ? "" : m.from()) + "->" + m.to()
            + ' ' + m.kind().name().toLowerCase()).collect(Collectors.joining("; "));
    }

    /** @return rows separated by {@code ;}, owners by {@code ,}, primary first: how tables show a placement */
    public static String encode(Placement placement) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < placement.partitions(); p++) {
            if (p > 0)
                sb.append(';');
            sb.append(String.join(",", placement.owners(p)));
        }
        return sb.toString();
    }

    static Placement decode(String plan) {
        return new Placement(Arrays.stream(plan.split(";", -1)).map(r -> List.of(r.split(","))).toList());
    }
}
