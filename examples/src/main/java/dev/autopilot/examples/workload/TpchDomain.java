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

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The value domains of the TPC-H data that {@code io.trino.tpch} generates for one scale factor.
 *
 * <p>Query parameters drawn from here hit the data the way TPC-H's own query generator does: keys that exist,
 * dates inside the generated range, ship modes and flags that occur. Without that a workload would select
 * nothing (or everything) and tell the plugin nothing about real selectivity.
 */
public final class TpchDomain {
    /** First order date generated (TPC-H STARTDATE). */
    public static final LocalDate FIRST_ORDER_DATE = LocalDate.of(1992, 1, 1);

    /** Last order date generated (TPC-H ENDDATE minus 151 days). */
    public static final LocalDate LAST_ORDER_DATE = LocalDate.of(1998, 8, 2);

    /** First possible ship date (order date plus at least one day). */
    public static final LocalDate FIRST_SHIP_DATE = LocalDate.of(1992, 1, 2);

    /** Last possible ship date (order date plus at most 121 days). */
    public static final LocalDate LAST_SHIP_DATE = LocalDate.of(1998, 12, 1);

    /** TPC-H's "current date": lines shipped after it are open ('O'), earlier ones are filled ('F'). */
    public static final LocalDate CURRENT_DATE = LocalDate.of(1995, 6, 17);

    /** The seven TPC-H ship modes. */
    public static final List<String> SHIP_MODES = List.of("REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB");

    /** The (return flag, line status) pairs that occur in generated data. */
    public static final List<List<String>> FLAG_STATUS_PAIRS =
        List.of(List.of("A", "F"), List.of("R", "F"), List.of("N", "F"), List.of("N", "O"));

    /** Years that have ship dates. */
    public static final int FIRST_YEAR = 1992;

    /** Last year that has ship dates. */
    public static final int LAST_YEAR = 1998;

    /** Orders per unit of scale factor (TPC-H SF 1 has 1.5 million orders). */
    static final long ORDERS_PER_SCALE = 1_500_000L;

    private final double scaleFactor;

    private final long orderCount;

    private TpchDomain(double scaleFactor) {
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor))
            throw new IllegalArgumentException("scaleFactor must be a positive number: " + scaleFactor);

        this.scaleFactor = scaleFactor;
        this.orderCount = (long)(ORDERS_PER_SCALE * scaleFactor);

        if (orderCount < 1)
            throw new IllegalArgumentException("scaleFactor is too small to generate a single order: " + scaleFactor);
    }

    /** The domain of the data generated at {@code scaleFactor}. */
    public static TpchDomain forScale(double scaleFactor) {
        return new TpchDomain(scaleFactor);
    }

    /** Scale factor of the generated data. */
    public double scaleFactor() {
        return scaleFactor;
    }

    /** Number of orders generated at this scale factor. */
    public long orderCount() {
        return orderCount;
    }

    /** An order key that exists, uniformly over all orders. */
    public long randomOrderKey(Random random) {
        return orderKey(1 + random.nextLong(orderCount));
    }

    /**
     * A line number between 1 and 4. Every order has 1 to 7 lines (uniformly), so about 79% of
     * (order key, line number) pairs drawn here exist; line 1 always exists.
     */
    public int randomLineNumber(Random random) {
        return 1 + random.nextInt(4);
    }

    /** A day in {@code [from, to]}, uniformly. */
    public static LocalDate randomDate(Random random, LocalDate from, LocalDate to) {
        long span = to.toEpochDay() - from.toEpochDay();

        return from.plusDays(random.nextLong(span + 1));
    }

    /** A ship mode, uniformly. */
    public static String randomShipMode(Random random) {
        return SHIP_MODES.get(random.nextInt(SHIP_MODES.size()));
    }

    /** A year with ship dates, uniformly. */
    public static int randomYear(Random random) {
        return FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
    }

    /**
     * The key of the {@code index}-th order (1-based). TPC-H keys are sparse: of every 32 keys only the first 8
     * are used, so the keys of a scale factor are not simply {@code 1..orderCount}.
     */
    static long orderKey(long index) {
        return ((index >> 3) << 5) + (index & 7);
    }
}
