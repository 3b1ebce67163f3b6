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

package dev.autopilot.adaptation.mining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.adaptation.Lineitem;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.analysis.StatementAnalyzer;
import dev.autopilot.sql.analysis.StatementShape;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.stats.ColumnStatistics;
import dev.autopilot.sql.stats.TableStatistics;

/**
 * Snapshots of the drifting TPC-H workload of the examples ({@code TpchWorkloads.threePhaseDrift}): the same
 * statements, analyzed by the query log's own analyzer, with each phase's mix as executions in a 60-second window,
 * over LINEITEM statistics at scale 0.02 (120,000 rows).
 */
final class TpchPhases {
    static final long WINDOW_START = 1_700_000_000_000L;
    static final long WINDOW_END = WINDOW_START + 60_000;
    static final long ROWS = 120_000;

    static final String POINT_LOOKUP = "SELECT L_ORDERKEY, L_LINENUMBER, L_QUANTITY, L_EXTENDEDPRICE, L_SHIPDATE, "
        + "L_SHIPMODE FROM LINEITEM WHERE L_ORDERKEY = ? AND L_LINENUMBER = ?";
    static final String SHIPDATE_RANGE = "SELECT L_ORDERKEY, L_LINENUMBER, L_EXTENDEDPRICE FROM LINEITEM "
        + "WHERE L_SHIPDATE >= ? AND L_SHIPDATE < ?";
    static final String DISCOUNTED_REVENUE_BAND = "SELECT L_ORDERKEY, L_LINENUMBER, L_EXTENDEDPRICE, L_DISCOUNT "
        + "FROM LINEITEM WHERE L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ? AND ?";
    static final String QUANTITY_BUCKET_BY_SHIPMODE = "SELECT L_ORDERKEY, L_LINENUMBER, L_QUANTITY, L_SHIPMODE "
        + "FROM LINEITEM WHERE FLOOR(L_QUANTITY / 10) = ? AND L_SHIPMODE = ?";
    static final String YEARLY_SHIPMODE_SUMMARY = "SELECT L_SHIPMODE, COUNT(*) AS LINES, SUM(L_EXTENDEDPRICE) AS "
        + "REVENUE FROM LINEITEM WHERE EXTRACT(YEAR FROM L_SHIPDATE) = ? GROUP BY L_SHIPMODE ORDER BY L_SHIPMODE";
    static final String FLAG_STATUS_BEFORE = "SELECT COUNT(*) AS LINES, SUM(L_QUANTITY) AS QUANTITY, "
        + "AVG(L_EXTENDEDPRICE) AS AVG_PRICE FROM LINEITEM "
        + "WHERE L_RETURNFLAG = ? AND L_LINESTATUS = ? AND L_SHIPDATE < ?";
    static final String PRICING_SUMMARY_Q1 = "SELECT L_RETURNFLAG, L_LINESTATUS, SUM(L_QUANTITY) AS SUM_QTY, "
        + "SUM(L_EXTENDEDPRICE) AS SUM_BASE_PRICE, SUM(L_EXTENDEDPRICE * (1 - L_DISCOUNT)) AS SUM_DISC_PRICE, "
        + "SUM(L_EXTENDEDPRICE * (1 - L_DISCOUNT) * (1 + L_TAX)) AS SUM_CHARGE, AVG(L_QUANTITY) AS AVG_QTY, "
        + "AVG(L_EXTENDEDPRICE) AS AVG_PRICE, AVG(L_DISCOUNT) AS AVG_DISC, COUNT(*) AS COUNT_ORDER "
        + "FROM LINEITEM WHERE L_SHIPDATE <= ? "
        + "GROUP BY L_RETURNFLAG, L_LINESTATUS ORDER BY L_RETURNFLAG, L_LINESTATUS";
    static final String FORECAST_REVENUE_Q6 = "SELECT SUM(L_EXTENDEDPRICE * L_DISCOUNT) AS REVENUE FROM LINEITEM "
        + "WHERE L_SHIPDATE >= ? AND L_SHIPDATE < ? AND L_DISCOUNT BETWEEN ? AND ? AND L_QUANTITY < ?";
    static final String ORDER_PRIORITY_JOIN = "SELECT O.O_ORDERPRIORITY, COUNT(*) AS LINES FROM ORDERS O "
        + "JOIN LINEITEM L ON L.L_ORDERKEY = O.O_ORDERKEY WHERE O.O_ORDERDATE >= ? AND O.O_ORDERDATE < ? "
        + "AND L.L_COMMITDATE < L.L_RECEIPTDATE GROUP BY O.O_ORDERPRIORITY ORDER BY O.O_ORDERPRIORITY";
    static final String UPDATE_COMMENT = "UPDATE LINEITEM SET L_COMMENT = ? WHERE L_ORDERKEY = ? AND L_LINENUMBER = ?";

    private TpchPhases() {
    }

    /** Phase 1, expression filters: weights 10, 6, 2, 2. */
    static Map<String, Integer> expressionFilters() {
        return mix(DISCOUNTED_REVENUE_BAND, 10, FORECAST_REVENUE_Q6, 6, SHIPDATE_RANGE, 2, POINT_LOOKUP, 2);
    }

    /** Phase 2, buckets and years: weights 9, 6, 2, 1, 2. */
    static Map<String, Integer> bucketsAndYears() {
        Map<String, Integer> m = mix(QUANTITY_BUCKET_BY_SHIPMODE, 9, YEARLY_SHIPMODE_SUMMARY, 6, FLAG_STATUS_BEFORE, 2,
            PRICING_SUMMARY_Q1, 1);
        m.put(POINT_LOOKUP, 2);
        return m;
    }

    /** Phase 3, lookups and updates: weights 11, 6, 1, 2. */
    static Map<String, Integer> lookupsAndUpdates() {
        return mix(POINT_LOOKUP, 11, UPDATE_COMMENT, 6, ORDER_PRIORITY_JOIN, 1, SHIPDATE_RANGE, 2);
    }

    /** A reporting workload: TPC-H Q1 alone. */
    static Map<String, Integer> pricingReports() {
        return mix(PRICING_SUMMARY_Q1, 10);
    }

    /**
     * @return the workload of {@code table} running {@code mix} (with LINEITEM renamed to the table), 50 executions
     *     per unit of weight per window
     */
    static TableWorkload workload(TableSchema table, TableStatistics stats, Map<String, Integer> mix) {
        List<TemplateLoad> loads = new ArrayList<>();
        long writes = 0;
        int i = 0;
        for (Map.Entry<String, Integer> e : mix.entrySet()) {
            String sql = e.getKey().replaceAll("\\bLINEITEM\\b", table.simpleName());
            StatementShape shape = new StatementAnalyzer().analyze(CalciteHook.plainParser().parse(sql).get(0))
                .qualified("PUBLIC");
            long executions = e.getValue() * 50L;
            loads.add(new TemplateLoad("t" + i++, shape, executions, 12.5));
            if (e.getKey().startsWith("UPDATE"))
                writes += executions;
        }
        return new TableWorkload(table, stats, loads, writes / 60.0, AutopilotStructures.NONE);
    }

    /** @return one window of LINEITEM running {@code mix} */
    static WorkloadSnapshot snapshot(Map<String, Integer> mix) {
        return new WorkloadSnapshot(WINDOW_START, WINDOW_END, List.of(workload(Lineitem.schema(), statistics(7), mix)));
    }

    /** @return LINEITEM statistics at scale 0.02, with {@code shipModes} distinct ship modes */
    static TableStatistics statistics(long shipModes) {
        List<ColumnStatistics> c = new ArrayList<>();
        c.add(column("L_ORDERKEY", 30_000, "1", "120000", 32));
        c.add(column("L_LINENUMBER", 7, "1", "7", 7));
        c.add(column("L_QUANTITY", 50, "1.00", "50.00", 32));
        c.add(column("L_EXTENDEDPRICE", 100_000, "901.00", "104949.50", 32));
        c.add(column("L_DISCOUNT", 11, "0.00", "0.10", 11));
        c.add(column("L_TAX", 9, "0.00", "0.08", 9));
        c.add(column("L_RETURNFLAG", 3, "A", "R", 3));
        c.add(column("L_LINESTATUS", 2, "F", "O", 2));
        c.add(column("L_SHIPDATE", 2526, "1992-01-02", "1998-12-01", 32));
        c.add(column("L_COMMITDATE", 2466, "1992-01-31", "1998-10-31", 32));
        c.add(column("L_RECEIPTDATE", 2554, "1992-01-03", "1998-12-31", 32));
        c.add(column("L_SHIPINSTRUCT", 4, "COLLECT COD", "TAKE BACK RETURN", 4));
        c.add(column("L_SHIPMODE", shipModes, "AIR", "TRUCK", (int)Math.min(shipModes, 32)));
        c.add(column("L_COMMENT", 100_000, "a", "z", 32));
        return new TableStatistics("PUBLIC.LINEITEM", "LINEITEM", ROWS, ROWS * 140, 20_000, 0, 0, WINDOW_START, c);
    }

    private static ColumnStatistics column(String name, long distinct, String min, String max, int buckets) {
        List<String> bounds = new ArrayList<>();
        for (int b = 1; b <= buckets; b++)
            bounds.add(b == buckets ? max : min + "#" + b);
        return new ColumnStatistics(name, "java.lang.Object", distinct, 0, min, max, bounds);
    }

    private static Map<String, Integer> mix(Object... sqlAndWeight) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < sqlAndWeight.length; i += 2)
            m.put((String)sqlAndWeight[i], (Integer)sqlAndWeight[i + 1]);
        return m;
    }
}
