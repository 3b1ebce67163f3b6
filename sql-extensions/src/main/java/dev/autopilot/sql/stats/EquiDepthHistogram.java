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

package dev.autopilot.sql.stats;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a column's statistics from a uniform sample of its rows: equi-depth bucket bounds, NULLs scaled to the
 * table, and distinct values by Haas and Stokes' Duj1 estimator (1998): {@code d * n / (n - f1 + f1 * n / N)}, where
 * {@code d} is the distinct values in the sample and {@code f1} those seen once. It gives {@code N} for a unique
 * column and {@code d} when every value repeats; a full scan ({@code n = N}) gives exact figures.
 */
public final class EquiDepthHistogram {
    private EquiDepthHistogram() {
    }

    /**
     * @param column the column name
     * @param type the Java type name of its values
     * @param sample the sampled values, NULLs included
     * @param tableRows rows in the whole table
     * @param buckets how many buckets to make at most
     * @return the column's statistics
     */
    public static ColumnStatistics build(String column, String type, List<?> sample, long tableRows, int buckets) {
        List<Comparable<Object>> values = new ArrayList<>();
        long sampledNulls = 0;
        for (Object v : sample) {
            if (v == null)
                sampledNulls++;
            else
                values.add(comparable(v));
        }

        int n = sample.size();
        double scale = n == 0 ? 0 : (double)Math.max(tableRows, n) / n;
        long nulls = Math.round(sampledNulls * scale);

        if (values.isEmpty())
            return new ColumnStatistics(column, type, 0, nulls, null, null, List.of());

        values.sort(Comparator.naturalOrder());

        Map<Object, Integer> freq = new HashMap<>();
        values.forEach(v -> freq.merge(v, 1, Integer::sum));
        long once = freq.values().stream().filter(f -> f == 1).count();
        double sampled = values.size();
        double tableValues = Math.max(sampled, sampled * scale);
        long distinct = Math.round(freq.size() * sampled / (sampled - once + once * sampled / tableValues));

        List<String> bounds = new ArrayList<>();
        int b = Math.min(buckets, values.size());
        for (int i = 1; i <= b; i++) {
            String bound = render(values.get((int)((long)i * values.size() / b) - 1));
            if (bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(bound))
                bounds.add(bound);
        }

        return new ColumnStatistics(column, type, distinct, nulls, render(values.get(0)),
            render(values.get(values.size() - 1)), bounds);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object v) {
        if (v instanceof Comparable)
            return (Comparable<Object>)v;
        return (Comparable<Object>)(Object)String.valueOf(v);
    }

    /** @return a value printed the way SQL prints it */
    static String render(Object v) {
        if (v instanceof BigDecimal)
            return ((BigDecimal)v).toPlainString();
        if (v instanceof java.util.Date && !(v instanceof java.sql.Date) && !(v instanceof Timestamp))
            return new Timestamp(((java.util.Date)v).getTime()).toString();
        return String.valueOf(v);
    }
}
