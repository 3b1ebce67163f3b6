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

package dev.autopilot.examples.bench;

import java.io.Serializable;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.autopilot.examples.workload.QueryRunner;
import dev.autopilot.examples.workload.QueryTemplate;

/**
 * Watches a run from the side: every two seconds it asks Ignite for the plan of each dominant template of the current
 * phase that is not served yet ({@code EXPLAIN}, through the same parser and rewriter as the clients' statements), and
 * notes when the plan first reads an index the table did not have after loading, whose search bounds cover every
 * filter of the scan: from then on the adapted structures serve that template. An index that bounds only some of them
 * (one built for an earlier phase that happens to lead with one of its columns) leaves the rest to be filtered row by
 * row, and does not count. Every six seconds it samples {@link StructureMemory}.
 */
final class StructureProbe implements AutoCloseable {
    private static final Pattern INDEX = Pattern.compile("index=\\[([^\\]]+)\\]");
    private static final Pattern COLUMN = Pattern.compile("\\$t\\d+");
    private static final Pattern PARAMETER = Pattern.compile("\\?\\d+");

    private final Connection connection;
    private final List<DriftPhase> phases;
    private final int phaseSeconds;
    private final StructureMemory memory;
    private final Set<String> baselineIndexes;
    private final long baselineIndexBytes;
    private final Map<String, Double> inUse = new ConcurrentHashMap<>();
    private final Map<String, String> indexUsed = new ConcurrentHashMap<>();
    private final List<MemorySample> samples = new CopyOnWriteArrayList<>();
    private final Random random = new Random(99);
    private final String label;

    /**
     * @param jdbcUrl a node to ask
     * @param memory what to sample
     * @param phases the run's phases
     * @param phaseSeconds their length
     * @param label the configuration's name, for the console
     */
    StructureProbe(String jdbcUrl, StructureMemory memory, List<DriftPhase> phases, int phaseSeconds, String label)
        throws SQLException {
        this.label = label;
        this.connection = DriverManager.getConnection(jdbcUrl);
        this.phases = phases;
        this.phaseSeconds = phaseSeconds;
        this.memory = memory;
        this.baselineIndexes = indexes();
        this.baselineIndexBytes = memory.indexBytes();
    }

    /** Probes until {@code endNanos}, on the calling thread. */
    void watch(long startNanos, long endNanos) throws SQLException, InterruptedException {
        for (int tick = 0; System.nanoTime() < endNanos; tick++) {
            double second = (System.nanoTime() - startNanos) / 1e9;
            int phase = Math.min((int)(second / phaseSeconds), phases.size() - 1);
            for (String template : phases.get(phase).focus()) {
                String key = key(phase, template);
                if (!inUse.containsKey(key)) {
                    String used = newIndexOrNull(phases.get(phase).template(template));
                    if (used != null) {
                        inUse.put(key, second - phase * phaseSeconds);
                        indexUsed.put(key, used);
                        System.out.printf(Locale.ROOT, "[%s] phase %d: %s served by %s, %.1f s after the phase "
                            + "started%n", label, phase + 1, template, used, second - phase * phaseSeconds);
                    }
                }
            }
            if (tick % 3 == 0)
                sample(second);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, startNanos + TimeUnit.SECONDS.toNanos(2L * (tick + 1))
                - System.nanoTime()));
        }
    }

    /** Takes one memory sample at {@code second} of the run. */
    void sample(double second) throws SQLException {
        samples.add(new MemorySample(second, memory.indexBytes() - baselineIndexBytes, memory.derivedBytes(),
            gcMillis()));
    }

    /** @return the time this JVM's collectors have spent collecting so far, all configurations' clusters included */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /** @return {@code phase/template} to seconds from the phase start until its plan used a new index */
    Map<String, Double> inUseTimes() {
        return Map.copyOf(inUse);
    }

    /** @return {@code phase/template} to the new index its plan used */
    Map<String, String> indexesUsed() {
        return Map.copyOf(indexUsed);
    }

    List<MemorySample> samples() {
        return List.copyOf(samples);
    }

    @Override public void close() throws SQLException {
        connection.close();
    }

    /**
     * @return {@link #newIndex}, or null when Ignite could not plan the template now: planning while an index is being
     *     dropped fails in Ignite 2.17 (the planner finds the index gone); the next probe asks again
     */
    private String newIndexOrNull(QueryTemplate t) {
        try {
            return newIndex(t);
        }
        catch (SQLException e) {
            System.out.printf(Locale.ROOT, "[%s] %s not planned now, asked again in 2 s: %s%n", label, t.name(),
                e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    /**
     * @return the first index in the template's plan that the table did not have after loading and that bounds every
     *     column its scan filters on, or null
     */
    private String newIndex(QueryTemplate t) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN PLAN FOR " + t.sql())) {
            QueryRunner.bind(ps, t.nextParameters(random));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (String line : rs.getString(1).split("\n")) {
                        Matcher m = INDEX.matcher(line);
                        if (line.contains("IgniteIndexScan(") && m.find() && !baselineIndexes.contains(m.group(1))
                            && boundsEveryFilter(line))
                            return m.group(1);
                    }
                }
                return null;
            }
        }
    }

    /**
     * @param scan an {@code IgniteIndexScan} line of a plan: its {@code filters} name the columns as {@code $tN} and
     *     the parameters as {@code ?N}, its {@code searchBounds} hold one bound per index column it seeks on
     * @return whether the index seeks on every parameter the filters read (a filter on an expression that a search
     *     key narrows reads the key's parameters again), or, for filters without parameters, on as many columns as
     *     they read
     */
    static boolean boundsEveryFilter(String scan) {
        String filters = between(between(scan, "filters=[", "], requiredColumns=["), "", "], projects=[");
        String bounds = between(scan, "searchBounds=[", "], inlineScan=");
        Set<String> parameters = matches(PARAMETER, filters);
        if (!parameters.isEmpty())
            return matches(PARAMETER, bounds).containsAll(parameters);
        return bounds.split("Bounds \\[", -1).length - 1 >= matches(COLUMN, filters).size();
    }

    private static Set<String> matches(Pattern p, String s) {
        Set<String> out = new HashSet<>();
        Matcher m = p.matcher(s);
        while (m.find())
            out.add(m.group());
        return out;
    }

    /** @return the text after the first {@code from} up to the next {@code to} (or the end), empty without a {@code from} */
    private static String between(String s, String from, String to) {
        int start = s.indexOf(from);
        if (start < 0)
            return "";
        int end = s.indexOf(to, start);
        return s.substring(start + from.length(), end < 0 ? s.length() : end);
    }

    private Set<String> indexes() throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
            "SELECT INDEX_NAME FROM SYS.INDEXES WHERE SCHEMA_NAME = 'PUBLIC' AND TABLE_NAME = 'LINEITEM'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next())
                out.add(rs.getString(1));
        }
        return out;
    }

    static String key(int phase, String template) {
        return phase + "/" + template;
    }

    /**
     * Memory of LINEITEM's structures at one moment.
     *
     * @param second second of the run
     * @param indexBytes index pages above those right after loading
     * @param derivedBytes estimated bytes of the derived columns
     * @param gcMillis the JVM's garbage-collection time so far (the nodes, clients and benchmark share the JVM)
     */
    record MemorySample(double second, long indexBytes, long derivedBytes, long gcMillis) implements Serializable {
        long totalBytes() {
            return indexBytes + derivedBytes;
        }
    }
}
