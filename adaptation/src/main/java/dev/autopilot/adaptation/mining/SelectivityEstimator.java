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

import java.math.BigDecimal;
import java.time.LocalDate;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.expression.Expr;
import dev.autopilot.sql.expression.Op;
import dev.autopilot.sql.stats.ColumnStatistics;
import dev.autopilot.sql.stats.TableStatistics;

/**
 * Estimates the fraction of a table's rows a filter keeps, from the table's statistics. Templates hide the compared
 * values, so the estimates are for a typical value: {@code 1 / distinct} for equality, one histogram bucket for a
 * two-sided range, a third of the table for a one-sided range. Derived expressions have no histogram; their distinct
 * values are estimated from what the expression does to its columns ({@code FLOOR(c / k)} has about
 * {@code (max - min) / k + 1}, {@code EXTRACT(YEAR ...)} as many as years between min and max).
 */
final class SelectivityEstimator {
    /** A one-sided range with an unknown bound keeps about a third of the rows (the classic System R guess). */
    static final double ONE_SIDED = 1.0 / 3;

    /** A two-sided range without a histogram. */
    static final double TWO_SIDED = 0.05;

    /** Equality when nothing is known of the values. */
    static final double EQUALITY = 0.1;

    private final TableStatistics stats;

    SelectivityEstimator(TableStatistics stats) {
        this.stats = stats;
    }

    /** @return the fraction of rows {@code e = ?} keeps */
    double equality(DerivedExpression e) {
        double d = distinct(e.tree());
        return d <= 0 ? EQUALITY : Math.min(1, 1 / d);
    }

    /** @return the fraction of rows {@code e IN (k values)} keeps */
    double in(DerivedExpression e, int values) {
        return Math.min(1, equality(e) * Math.max(1, values));
    }

    /** @return the fraction of rows {@code e IS NULL} keeps */
    double isNull(DerivedExpression e) {
        ColumnStatistics c = e.plainColumn() ? stats.column(e.canonical()) : null;
        return c == null || stats.rows() == 0 ? EQUALITY : Math.max(1.0 / stats.rows(), (double)c.nulls() / stats.rows());
    }

    /** @return the fraction of rows a range on {@code e} keeps */
    double range(DerivedExpression e, boolean twoSided) {
        if (!twoSided)
            return ONE_SIDED;
        ColumnStatistics c = e.plainColumn() ? stats.column(e.canonical()) : null;
        if (c == null || c.bounds().isEmpty())
            return TWO_SIDED;
        return Math.max(1.0 / c.bounds().size(), c.distinct() > 0 ? 1.0 / c.distinct() : 0);
    }

    /** @return estimated distinct values of {@code e} in the table, 0 if unknown */
    private double distinct(Expr e) {
        double rows = Math.max(1, stats.rows());
        if (e instanceof Expr.Column c) {
            ColumnStatistics s = stats.column(c.name());
            return s == null ? 0 : Math.min(rows, s.distinct());
        }
        if (e instanceof Expr.Call call && (call.op() == Op.FLOOR || call.op() == Op.CEIL)) {
            double d = bucketCount(call.args().get(0));
            if (d > 0)
                return Math.min(rows, d);
        }
        if (e instanceof Expr.Extract x) {
            double d = extractValues(x);
            if (d > 0)
                return Math.min(rows, d);
        }
        double product = 1;
        for (String column : DerivedExpression.columnsOf(e)) {
            ColumnStatistics s = stats.column(column);
            if (s == null || s.distinct() <= 0)
                return 0;
            product *= s.distinct();
        }
        return Math.min(rows, product);
    }

    /** @return values of {@code c / k} floored, for a numeric column with known bounds */
    private double bucketCount(Expr arg) {
        Expr col = arg;
        BigDecimal k = BigDecimal.ONE;
        if (arg instanceof Expr.Call div && div.op() == Op.DIVIDE && div.args().get(1) instanceof Expr.Literal l
            && l.number() != null && l.number().signum() > 0) {
            col = div.args().get(0);
            k = l.number();
        }
        if (!(col instanceof Expr.Column c))
            return 0;
        ColumnStatistics s = stats.column(c.name());
        try {
            BigDecimal min = new BigDecimal(s.min());
            BigDecimal max = new BigDecimal(s.max());
            double buckets = max.subtract(min).doubleValue() / k.doubleValue() + 1;
            return Math.min(buckets, s.distinct());
        }
        catch (RuntimeException e) {
            return 0;
        }
    }

    private double extractValues(Expr.Extract x) {
        return switch (x.unit()) {
            case "YEAR" -> years(x.arg());
            case "QUARTER" -> 4;
            case "MONTH" -> 12;
            case "WEEK" -> 53;
            case "DAY" -> 31;
            case "DOW" -> 7;
            case "DOY" -> 366;
            case "HOUR" -> 24;
            default -> 60;
        };
    }

    private double years(Expr arg) {
        ColumnStatistics s = arg instanceof Expr.Column c ? stats.column(c.name()) : null;
        try {
            return LocalDate.parse(s.max().substring(0, 10)).getYear() - LocalDate.parse(s.min().substring(0, 10))
                .getYear() + 1;
        }
        catch (RuntimeException e) {
            return 0;
        }
    }
}
