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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.autopilot.examples.workload.QueryTemplate;
import dev.autopilot.examples.workload.TpchDomain;
import dev.autopilot.examples.workload.TpchTemplates;

/**
 * The drifting workload of the drift benchmark over TPC-H LINEITEM: three phases whose dominant templates need
 * different structures (expression filters, multi-column filters, aggregates by bucket), each with some point
 * lookups as background, and a steady stream of single-row updates that runs through all of them.
 *
 * <p>The dominant templates are selective (tens to about a thousand rows of LINEITEM), so that a structure that
 * serves them turns a scan into an index lookup; the updates change {@code L_QUANTITY}, which two of the structures
 * derive from, so that their upkeep is part of what the writes cost.
 */
final class DriftWorkload {
    static final String REVENUE_BAND = "revenue_band";
    static final String TAXED_PRICE_BAND = "taxed_price_band";
    static final String MODE_INSTRUCT_WEEK = "mode_instruct_week";
    static final String FLAG_STATUS_RECEIPT_DAY = "flag_status_receipt_day";
    static final String PRICE_BUCKET_SUMMARY = "price_bucket_summary";
    static final String QUANTITY_BUCKET_SUMMARY = "quantity_bucket_summary";
    static final String UPDATE_QUANTITY = "update_quantity";

    private static final List<String> SHIP_INSTRUCTS = List.of("DELIVER IN PERSON", "COLLECT COD", "NONE",
        "TAKE BACK RETURN");

    private final TpchDomain domain;
    private final QueryTemplate pointLookup;

    DriftWorkload(double scaleFactor) {
        this.domain = TpchDomain.forScale(scaleFactor);
        this.pointLookup = TpchTemplates.forScale(scaleFactor).get(TpchTemplates.POINT_LOOKUP);
    }

    /** @return the phases, in the order they run */
    List<DriftPhase> phases() {
        return List.of(
            phase("expression-filters", revenueBand(), 6, taxedPriceBand(), 4),
            phase("multi-column-filters", modeInstructWeek(), 6, flagStatusReceiptDay(), 4),
            phase("aggregates-by-bucket", priceBucketSummary(), 6, quantityBucketSummary(), 4));
    }

    /** @return the write that runs at a steady rate through every phase */
    QueryTemplate write() {
        return QueryTemplate.update(UPDATE_QUANTITY,
            "UPDATE LINEITEM SET L_QUANTITY = ?, L_COMMENT = ? WHERE L_ORDERKEY = ? AND L_LINENUMBER = ?",
            random -> List.of(BigDecimal.valueOf(1 + random.nextInt(50)).setScale(2),
                "drift benchmark " + random.nextInt(1_000_000), domain.randomOrderKey(random),
                domain.randomLineNumber(random)));
    }

    private DriftPhase phase(String name, QueryTemplate first, int firstWeight, QueryTemplate second,
        int secondWeight) {
        Map<QueryTemplate, Integer> mix = new LinkedHashMap<>();
        mix.put(first, firstWeight);
        mix.put(second, secondWeight);
        mix.put(pointLookup, 2);
        return new DriftPhase(name, mix, List.of(first.name(), second.name()));
    }

    private static QueryTemplate revenueBand() {
        return QueryTemplate.query(REVENUE_BAND,
            "SELECT L_ORDERKEY, L_LINENUMBER, L_EXTENDEDPRICE, L_DISCOUNT FROM LINEITEM "
                + "WHERE L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ? AND ?",
            // Most products lie below 4,000, about 150 lines per unit at scale 0.1.
            random -> {
                BigDecimal low = BigDecimal.valueOf(random.nextInt(400_000), 2);
                return List.of(low, low.add(BigDecimal.ONE));
            });
    }

    private static QueryTemplate taxedPriceBand() {
        return QueryTemplate.query(TAXED_PRICE_BAND,
            "SELECT COUNT(*) AS LINES, SUM(L_QUANTITY) AS QUANTITY FROM LINEITEM "
                + "WHERE L_EXTENDEDPRICE * (1 + L_TAX) BETWEEN ? AND ?",
            random -> {
                BigDecimal low = BigDecimal.valueOf(1_000 + random.nextInt(49_000));
                return List.of(low, low.add(BigDecimal.TEN));
            });
    }

    private static QueryTemplate modeInstructWeek() {
        return QueryTemplate.query(MODE_INSTRUCT_WEEK,
            "SELECT L_ORDERKEY, L_LINENUMBER, L_SHIPDATE, L_EXTENDEDPRICE FROM LINEITEM "
                + "WHERE L_SHIPMODE = ? AND L_SHIPINSTRUCT = ? AND L_SHIPDATE BETWEEN ? AND ?",
            random -> {
                LocalDate from = TpchDomain.randomDate(random, TpchDomain.FIRST_SHIP_DATE,
                    TpchDomain.LAST_SHIP_DATE.minusDays(7));
                return List.of(TpchDomain.randomShipMode(random), shipInstruct(random), from, from.plusDays(6));
            });
    }

    private static QueryTemplate flagStatusReceiptDay() {
        return QueryTemplate.query(FLAG_STATUS_RECEIPT_DAY,
            "SELECT COUNT(*) AS LINES, SUM(L_EXTENDEDPRICE) AS REVENUE, AVG(L_DISCOUNT) AS DISCOUNT FROM LINEITEM "
                + "WHERE L_RETURNFLAG = ? AND L_LINESTATUS = ? AND L_RECEIPTDATE = ?",
            random -> {
                // TPC-H: lines received by the current date are returned (R) or accepted (A), later ones are N; lines
                // shipped after it are open (O).
                LocalDate day = TpchDomain.randomDate(random, TpchDomain.FIRST_SHIP_DATE.plusDays(1),
                    TpchDomain.LAST_SHIP_DATE.plusDays(30));
                boolean received = !day.isAfter(TpchDomain.CURRENT_DATE);
                String flag = received ? (random.nextBoolean() ? "R" : "A") : "N";
                return List.of(flag, received ? "F" : "O", day);
            });
    }

    private static QueryTemplate priceBucketSummary() {
        return QueryTemplate.query(PRICE_BUCKET_SUMMARY,
            "SELECT L_RETURNFLAG, L_LINESTATUS, COUNT(*) AS LINES, SUM(L_QUANTITY) AS QUANTITY, "
                + "AVG(L_DISCOUNT) AS DISCOUNT FROM LINEITEM WHERE FLOOR(L_EXTENDEDPRICE / 100) = ? "
                + "GROUP BY L_RETURNFLAG, L_LINESTATUS",
            // A price as TPC-H makes them (quantity 1-50 times a part's retail price of 900-2,000), so that the
            // buckets are drawn as often as they hold lines.
            random -> List.of(BigDecimal.valueOf((1 + random.nextInt(50)) * (900 + random.nextInt(1_100)) / 100)));
    }

    private static QueryTemplate quantityBucketSummary() {
        return QueryTemplate.query(QUANTITY_BUCKET_SUMMARY,
            "SELECT L_LINESTATUS, COUNT(*) AS LINES, AVG(L_EXTENDEDPRICE) AS PRICE FROM LINEITEM "
                + "WHERE FLOOR(L_QUANTITY / 2) = ? AND L_SHIPMODE = ? AND L_SHIPINSTRUCT = ? GROUP BY L_LINESTATUS",
            random -> List.of(BigDecimal.valueOf((1 + random.nextInt(50)) / 2), TpchDomain.randomShipMode(random),
                shipInstruct(random)));
    }

    private static String shipInstruct(Random random) {
        return SHIP_INSTRUCTS.get(random.nextInt(SHIP_INSTRUCTS.size()));
    }
}
