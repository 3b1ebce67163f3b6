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

package dev.autopilot.examples.workload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The query templates of the examples: point lookups, ranges, expression filters, aggregates, a join and an
 * UPDATE over LINEITEM and ORDERS, each with a generator that draws values from the TPC-H domains of one scale
 * factor.
 *
 * <p>They are chosen to exercise what the plugin adapts to: expressions in WHERE clauses that a derived column
 * could serve ({@code L_EXTENDEDPRICE * L_DISCOUNT}, {@code FLOOR(L_QUANTITY / 10)},
 * {@code EXTRACT(YEAR FROM L_SHIPDATE)}), multi-column predicates that an index could serve, key lookups and
 * writes that partition placement affects, and a colocated join.
 */
public final class TpchTemplates {
    /** {@code L_ORDERKEY = ? AND L_LINENUMBER = ?}: at most one row, about 79% of drawn keys exist. */
    public static final String POINT_LOOKUP = "point_lookup";

    /** Lines shipped in a window of 1 to 7 days (about 0.04% of the table per day). */
    public static final String SHIPDATE_RANGE = "shipdate_range";

    /** {@code L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ? AND ?} over a narrow band: a selective expression filter. */
    public static final String DISCOUNTED_REVENUE_BAND = "discounted_revenue_band";

    /** {@code FLOOR(L_QUANTITY / 10) = ? AND L_SHIPMODE = ?}: about 3% of the table. */
    public static final String QUANTITY_BUCKET_BY_SHIPMODE = "quantity_bucket_by_shipmode";

    /** {@code EXTRACT(YEAR FROM L_SHIPDATE) = ?}, grouped by ship mode. */
    public static final String YEARLY_SHIPMODE_SUMMARY = "yearly_shipmode_summary";

    /** {@code L_RETURNFLAG = ? AND L_LINESTATUS = ? AND L_SHIPDATE < ?}, aggregated to one row. */
    public static final String FLAG_STATUS_BEFORE = "flag_status_before";

    /** TPC-H Q1 (pricing summary report). */
    public static final String PRICING_SUMMARY_Q1 = "pricing_summary_q1";

    /** TPC-H Q6 (forecasting revenue change). */
    public static final String FORECAST_REVENUE_Q6 = "forecast_revenue_q6";

    /** ORDERS joined with LINEITEM on the order key, filtered on a quarter of O_ORDERDATE (TPC-H Q4's shape). */
    public static final String ORDER_PRIORITY_JOIN = "order_priority_join";

    /** {@code UPDATE LINEITEM SET L_COMMENT = ?} of one line by key. */
    public static final String UPDATE_COMMENT = "update_comment";

    private final TpchDomain domain;

    private final List<QueryTemplate> all;

    private TpchTemplates(TpchDomain domain) {
        this.domain = domain;
        this.all = List.of(pointLookup(), shipdateRange(), discountedRevenueBand(), quantityBucketByShipmode(),
            yearlyShipmodeSummary(), flagStatusBefore(), pricingSummaryQ1(), forecastRevenueQ6(),
            orderPriorityJoin(), updateComment());
    }

    /** Templates whose parameters hit the data loaded at {@code scaleFactor}. */
    public static TpchTemplates forScale(double scaleFactor) {
        return new TpchTemplates(TpchDomain.forScale(scaleFactor));
    }

    public TpchDomain domain() {
        return domain;
    }

    /** Every template, in a fixed order. */
    public List<QueryTemplate> all() {
        return all;
    }

    /** The template named {@code name} (one of this class's constants). */
    public QueryTemplate get(String name) {
        for (QueryTemplate template : all) {
            if (template.name().equals(name))
                return template;
        }

        throw new IllegalArgumentException("no TPC-H template named " + name);
    }

    private QueryTemplate pointLookup() {
        return QueryTemplate.query(POINT_LOOKUP,
            "SELECT L_ORDERKEY, L_LINENUMBER, L_QUANTITY, L_EXTENDEDPRICE, L_SHIPDATE, L_SHIPMODE FROM LINEITEM "
                + "WHERE L_ORDERKEY = ? AND L_LINENUMBER = ?",
            random -> List.of(domain.randomOrderKey(random), domain.randomLineNumber(random)));
    }

    private static QueryTemplate shipdateRange() {
        return QueryTemplate.query(SHIPDATE_RANGE,
            "SELECT L_ORDERKEY, L_LINENUMBER, L_EXTENDEDPRICE FROM LINEITEM WHERE L_SHIPDATE >= ? AND L_SHIPDATE < ?",
            random -> {
                LocalDate from = TpchDomain.randomDate(random, TpchDomain.FIRST_SHIP_DATE,
                    TpchDomain.LAST_SHIP_DATE.minusDays(7));

                return List.of(from, from.plusDays(1 + random.nextInt(7)));
            });
    }

    private static QueryTemplate discountedRevenueBand() {
        return QueryTemplate.query(DISCOUNTED_REVENUE_BAND,
            "SELECT L_ORDERKEY, L_LINENUMBER, L_EXTENDEDPRICE, L_DISCOUNT FROM LINEITEM "
                + "WHERE L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ? AND ?",
            random -> {
                // The product spans 0 to about 10,500 with most lines below 4,000; a 20-wide band keeps ~0.5%.
                BigDecimal low = BigDecimal.valueOf(random.nextInt(400_000), 2);

                return List.of(low, low.add(BigDecimal.valueOf(20)));
            });
    }

    private static QueryTemplate quantityBucketByShipmode() {
        return QueryTemplate.query(QUANTITY_BUCKET_BY_SHIPMODE,
            "SELECT L_ORDERKEY, L_LINENUMBER, L_QUANTITY, L_SHIPMODE FROM LINEITEM "
                + "WHERE FLOOR(L_QUANTITY / 10) = ? AND L_SHIPMODE = ?",
            // Quantities are 1..50 uniformly, so buckets 0..4 hold 18-20% each and bucket 5 holds 2%.
            random -> List.of((1 + random.nextInt(50)) / 10, TpchDomain.randomShipMode(random)));
    }

    private static QueryTemplate yearlyShipmodeSummary() {
        return QueryTemplate.query(YEARLY_SHIPMODE_SUMMARY,
            "SELECT L_SHIPMODE, COUNT(*) AS LINES, SUM(L_EXTENDEDPRICE) AS REVENUE FROM LINEITEM "
                + "WHERE EXTRACT(YEAR FROM L_SHIPDATE) = ? GROUP BY L_SHIPMODE ORDER BY L_SHIPMODE",
            random -> List.of(TpchDomain.randomYear(random)));
    }

    private static QueryTemplate flagStatusBefore() {
        return QueryTemplate.query(FLAG_STATUS_BEFORE,
            "SELECT COUNT(*) AS LINES, SUM(L_QUANTITY) AS QUANTITY, AVG(L_EXTENDEDPRICE) AS AVG_PRICE FROM LINEITEM "
                + "WHERE L_RETURNFLAG = ? AND L_LINESTATUS = ? AND L_SHIPDATE < ?",
            random -> {
                List<String> pair = TpchDomain.FLAG_STATUS_PAIRS.get(random.nextInt(TpchDomain.FLAG_STATUS_PAIRS.size()));
                boolean open = "O".equals(pair.get(1));
                LocalDate before = open
                    ? TpchDomain.randomDate(random, TpchDomain.CURRENT_DATE, TpchDomain.LAST_SHIP_DATE)
                    : TpchDomain.randomDate(random, TpchDomain.FIRST_SHIP_DATE, TpchDomain.CURRENT_DATE);

                return List.of(pair.get(0), pair.get(1), before);
            });
    }

    private static QueryTemplate pricingSummaryQ1() {
        return QueryTemplate.query(PRICING_SUMMARY_Q1,
            "SELECT L_RETURNFLAG, L_LINESTATUS, SUM(L_QUANTITY) AS SUM_QTY, SUM(L_EXTENDEDPRICE) AS SUM_BASE_PRICE, "
                + "SUM(L_EXTENDEDPRICE * (1 - L_DISCOUNT)) AS SUM_DISC_PRICE, "
                + "SUM(L_EXTENDEDPRICE * (1 - L_DISCOUNT) * (1 + L_TAX)) AS SUM_CHARGE, AVG(L_QUANTITY) AS AVG_QTY, "
                + "AVG(L_EXTENDEDPRICE) AS AVG_PRICE, AVG(L_DISCOUNT) AS AVG_DISC, COUNT(*) AS COUNT_ORDER "
                + "FROM LINEITEM WHERE L_SHIPDATE <= ? GROUP BY L_RETURNFLAG, L_LINESTATUS "
                + "ORDER BY L_RETURNFLAG, L_LINESTATUS",
            // TPC-H: DATE '1998-12-01' - DELTA days, DELTA in [60, 120].
            random -> List.of(TpchDomain.LAST_SHIP_DATE.minusDays(60 + random.nextInt(61))));
    }

    private static QueryTemplate forecastRevenueQ6() {
        return QueryTemplate.query(FORECAST_REVENUE_Q6,
            "SELECT SUM(L_EXTENDEDPRICE * L_DISCOUNT) AS REVENUE FROM LINEITEM "
                + "WHERE L_SHIPDATE >= ? AND L_SHIPDATE < ? AND L_DISCOUNT BETWEEN ? AND ? AND L_QUANTITY < ?",
            random -> {
                // TPC-H: a year in 1993..1997, DISCOUNT in [0.02, 0.09], QUANTITY in [24, 25].
                LocalDate from = LocalDate.of(1993 + random.nextInt(5), 1, 1);
                BigDecimal discount = BigDecimal.valueOf(2 + random.nextInt(8), 2);

                return List.of(from, from.plusYears(1), discount.subtract(new BigDecimal("0.01")),
                    discount.add(new BigDecimal("0.01")), 24 + random.nextInt(2));
            });
    }

    private static QueryTemplate orderPriorityJoin() {
        return QueryTemplate.query(ORDER_PRIORITY_JOIN,
            "SELECT O.O_ORDERPRIORITY, COUNT(*) AS LINES FROM ORDERS O JOIN LINEITEM L ON L.L_ORDERKEY = O.O_ORDERKEY "
                + "WHERE O.O_ORDERDATE >= ? AND O.O_ORDERDATE < ? AND L.L_COMMITDATE < L.L_RECEIPTDATE "
                + "GROUP BY O.O_ORDERPRIORITY ORDER BY O.O_ORDERPRIORITY",
            random -> {
                // TPC-H Q4: the first day of a month from 1993-01 to 1997-10, for three months.
                LocalDate from = LocalDate.of(1993, 1, 1).plusMonths(random.nextInt(58));

                return List.of(from, from.plusMonths(3));
            });
    }

    private QueryTemplate updateComment() {
        return QueryTemplate.update(UPDATE_COMMENT,
            "UPDATE LINEITEM SET L_COMMENT = ? WHERE L_ORDERKEY = ? AND L_LINENUMBER = ?",
            random -> List.of("touched by the workload " + random.nextInt(1_000_000),
                domain.randomOrderKey(random), domain.randomLineNumber(random)));
    }
}
