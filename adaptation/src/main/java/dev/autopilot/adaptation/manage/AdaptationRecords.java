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

package dev.autopilot.adaptation.manage;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

import static dev.autopilot.sql.tables.AutopilotTables.ADAPTATIONS;

/**
 * The adaptation records in {@code AUTOPILOT.ADAPTATIONS}. Every change is a compare-and-set against the record as
 * the writer last read it, so of two manager instances that briefly overlap only one can move an adaptation on.
 */
public final class AdaptationRecords {
    private final Ignite ignite;

    /** @param ignite a node of the cluster */
    public AdaptationRecords(Ignite ignite) {
        this.ignite = ignite;
    }

    /** Stores a new record; fails if its id is taken. */
    public void create(Adaptation a) {
        if (!cache().putIfAbsent(a.id(), row(a)))
            throw new IllegalStateException("Adaptation " + a.id() + " exists already");
    }

    /** @return the record {@code id}, or {@code null} */
    public Adaptation get(String id) {
        BinaryObject row = cache().get(id);
        return row == null ? null : adaptation(id, row);
    }

    /** @return every record, oldest first */
    public List<Adaptation> all() {
        List<Adaptation> out = new ArrayList<>();
        try (QueryCursor<Cache.Entry<Object, BinaryObject>> rows = cache().query(new ScanQuery<>())) {
            rows.forEach(e -> out.add(adaptation((String)e.getKey(), e.getValue())));
        }
        out.sort(Comparator.comparingLong(Adaptation::startedAt).thenComparing(Adaptation::id));
        return out;
    }

    /** @return the records the manager carries on now (see {@link AdaptationStep#active()}), oldest first */
    public List<Adaptation> active() {
        return all().stream().filter(a -> a.step().active()).toList();
    }

    /**
     * @param expected the record as the caller last read or wrote it
     * @param next what it becomes
     * @return whether the record was {@code expected} and now is {@code next}
     */
    public boolean replace(Adaptation expected, Adaptation next) {
        return cache().replace(expected.id(), row(expected), row(next));
    }

    private IgniteCache<Object, BinaryObject> cache() {
        return ADAPTATIONS.cache(ignite);
    }

    private BinaryObject row(Adaptation a) {
        FillState f = a.fill();
        return ADAPTATIONS.value(ignite.binary(), a.table(), a.step().name(), f.rowsFilled(), f.nextPartition(),
            a.owner(), a.outcome(), a.reason(), new Timestamp(a.startedAt()), new Timestamp(a.updatedAt()),
            a.profile(), a.plan(), a.layoutBefore(), a.trigger(), orNull(a.measurement().expectedGain()),
            timestamp(a.measurement().cutOverAt()), orNull(a.measurement().latencyBeforeMs()),
            orNull(a.measurement().latencyAfterMs()), f.rowsTotal(), timestamp(f.startedAt()), f.niceRatio(),
            round(f.percent()), round(f.rowsPerSecond(a.updatedAt())), orNull(round(f.etaSeconds(a.updatedAt()))));
    }

    private static Adaptation adaptation(String id, BinaryObject row) {
        FillState fill = new FillState(row.<Long>field("ROWS_FILLED"), row.<Integer>field("NEXT_PARTITION"),
            row.<Long>field("ROWS_TOTAL"), millis(row.field("FILL_STARTED_AT")), row.<Double>field("FILL_PAUSE_RATIO"));
        return new Adaptation(id, row.field("TABLE_NAME"), AdaptationStep.valueOf(row.field("STEP")), fill,
            row.field("OWNER"), row.field("OUTCOME"), row.field("REASON"), millis(row.field("STARTED_AT")),
            millis(row.field("UPDATED_AT")), row.field("PROFILE"), row.field("PLAN"), row.field("LAYOUT_BEFORE"),
            row.field("TRIGGER"), new Measurement(orNaN(row.field("EXPECTED_GAIN")), millis(row.field("CUT_OVER_AT")),
            orNaN(row.field("LATENCY_BEFORE_MS")), orNaN(row.field("LATENCY_AFTER_MS"))));
    }

    /** Not yet is NULL in SQL. */
    private static Timestamp timestamp(long millis) {
        return millis == 0 ? null : new Timestamp(millis);
    }

    private static long millis(Timestamp t) {
        return t == null ? 0 : t.getTime();
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
    }

    /** Not measured is NULL in SQL. */
    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
