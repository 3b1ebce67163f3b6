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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autopilot.testkit.IgniteClusterExtension;
import io.trino.tpch.LineItem;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The workload library against two real server nodes, through JDBC thin only, with TPC-H scale 0.001 loaded. */
class TpchWorkloadIntegrationTest {
    private static final double SCALE = 0.001;

    @RegisterExtension
    static final IgniteClusterExtension CLUSTER = new IgniteClusterExtension(2);

    private static LoadResult loaded;

    private static TpchTemplates templates;

    @BeforeAll
    static void load() throws Exception {
        try (Connection connection = connect()) {
            TpchSchema.dropIfExists(connection);
            TpchSchema.create(connection);
        }

        loaded = TpchLoader.builder(CLUSTER.jdbcUrl(0)).scaleFactor(SCALE).build().load();
        templates = TpchTemplates.forScale(SCALE);
    }

    @Test
    void loadsEveryGeneratedRow() throws SQLException {
        long orders = StreamSupport.stream(TpchGenerators.orders(SCALE, 1, 1).spliterator(), false).count();
        long lineItems = StreamSupport.stream(TpchGenerators.lineItems(SCALE, 1, 1).spliterator(), false).count();

        assertEquals(orders, loaded.orders());
        assertEquals(lineItems, loaded.lineItems());
        assertEquals(orders, count("SELECT COUNT(*) FROM ORDERS"));
        assertEquals(lineItems, count("SELECT COUNT(*) FROM LINEITEM"));
    }

    @Test
    void storesGeneratedValuesExactly() throws SQLException {
        LineItem first = TpchGenerators.lineItems(SCALE, 1, 1).iterator().next();
        LocalDate shipDate = LocalDate.ofEpochDay(first.getShipDate());

        try (Connection connection = connect();
             PreparedStatement lookup = connection.prepareStatement(templates.get(TpchTemplates.POINT_LOOKUP).sql())) {
            lookup.setLong(1, first.getOrderKey());
            lookup.setInt(2, first.getLineNumber());

            try (ResultSet row = lookup.executeQuery()) {
                assertTrue(row.next());
                assertEquals(0, BigDecimal.valueOf(first.getQuantity()).compareTo(row.getBigDecimal("L_QUANTITY")));
                assertEquals(BigDecimal.valueOf(first.getExtendedPriceInCents(), 2), row.getBigDecimal("L_EXTENDEDPRICE"));
                assertEquals(shipDate, row.getDate("L_SHIPDATE").toLocalDate());
                assertEquals(first.getShipMode(), row.getString("L_SHIPMODE"));
                assertTrue(!row.next());
            }
        }

        // Compared on the server, with a literal: the stored day itself, not a client round trip.
        assertEquals(1, count("SELECT COUNT(*) FROM LINEITEM WHERE L_ORDERKEY = " + first.getOrderKey()
            + " AND L_LINENUMBER = 1 AND L_SHIPDATE = DATE '" + shipDate + "'"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("templatesAndStyles")
    void everyTemplateRunsWithSaneResults(String name, ParameterStyle style) throws SQLException {
        QueryTemplate template = templates.get(name);
        long[] bounds = expectedRows(name);
        List<Object> values = template.nextParameters(new Random(7));

        try (QueryRunner runner = new QueryRunner(CLUSTER.jdbcUrl(0), 30)) {
            long rows = runner.execute(template, values, style);

            assertTrue(rows >= bounds[0] && rows <= bounds[1],
                name + " " + style + " with " + values + " returned " + rows + " rows, expected "
                    + bounds[0] + ".." + bounds[1]);
        }
    }

    @Test
    void pointLookupFindsAnExistingLineBoundOrInline() throws SQLException {
        QueryTemplate lookup = templates.get(TpchTemplates.POINT_LOOKUP);

        try (QueryRunner runner = new QueryRunner(CLUSTER.jdbcUrl(0), 30)) {
            assertEquals(1, runner.execute(lookup, List.of(1L, 1), ParameterStyle.BIND));
            assertEquals(1, runner.execute(lookup, List.of(1L, 1), ParameterStyle.INLINE));
            assertEquals(0, runner.execute(lookup, List.of(9L, 1), ParameterStyle.BIND), "order key 9 is never used");
        }
    }

    @Test
    void filtersSelectRealisticFractions() throws SQLException {
        long lineItems = loaded.lineItems();
        Random random = new Random(11);

        try (QueryRunner runner = new QueryRunner(CLUSTER.jdbcUrl(0), 30)) {
            for (String name : List.of(TpchTemplates.SHIPDATE_RANGE, TpchTemplates.DISCOUNTED_REVENUE_BAND,
                TpchTemplates.QUANTITY_BUCKET_BY_SHIPMODE)) {
                QueryTemplate template = templates.get(name);
                long rows = 0;
                int runs = 20;

                for (int i = 0; i < runs; i++)
                    rows += runner.execute(template, template.nextParameters(random), ParameterStyle.BIND);

                double fraction = (double)rows / runs / lineItems;

                assertTrue(fraction > 0 && fraction < 0.05, name + " selected " + fraction + " of LINEITEM on average");
            }
        }
    }

    @Test
    void driftingWorkloadRunsTheMixOfEachPhase() throws Exception {
        DriftingWorkload workload = DriftingWorkload.builder()
            .phase(WorkloadPhase.builder("expressions")
                .weight(templates.get(TpchTemplates.DISCOUNTED_REVENUE_BAND), 3)
                .weight(templates.get(TpchTemplates.FORECAST_REVENUE_Q6), 1)
                .maxQueries(200)
                .maxDuration(Duration.ofSeconds(20))
                .build())
            .phase(WorkloadPhase.builder("lookups")
                .weight(templates.get(TpchTemplates.POINT_LOOKUP), 2)
                .weight(templates.get(TpchTemplates.UPDATE_COMMENT), 1)
                .weight(templates.get(TpchTemplates.QUANTITY_BUCKET_BY_SHIPMODE), 1)
                .maxQueries(200)
                .build())
            .build();
        List<String> seen = new ArrayList<>();

        WorkloadResult result = WorkloadDriver.builder(CLUSTER.jdbcUrl(0))
            .concurrency(2)
            .seed(3)
            .listener((phase, phaseResult) -> seen.add(phase.name() + "=" + phaseResult.queries()))
            .build()
            .run(workload);

        assertEquals(List.of("expressions=200", "lookups=200"), seen);
        assertEquals(0, result.errors(), () -> result.phases().toString());

        assertCounts(result.phases().get(0), Map.of(
            TpchTemplates.DISCOUNTED_REVENUE_BAND, 150L,
            TpchTemplates.FORECAST_REVENUE_Q6, 50L));
        assertCounts(result.phases().get(1), Map.of(
            TpchTemplates.POINT_LOOKUP, 100L,
            TpchTemplates.UPDATE_COMMENT, 50L,
            TpchTemplates.QUANTITY_BUCKET_BY_SHIPMODE, 50L));

        for (PhaseResult phase : result.phases()) {
            assertTrue(phase.total().meanMicros() > 0 && phase.total().p95Micros() > 0, phase.describe());
            assertTrue(phase.throughputPerSecond() > 0, phase.describe());
        }
    }

    @Test
    void inlineLiteralsRunEveryTemplate() throws Exception {
        WorkloadPhase.Builder all = WorkloadPhase.builder("all-inline").maxQueries(templates.all().size());

        templates.all().forEach(template -> all.weight(template, 1));

        WorkloadResult result = WorkloadDriver.builder(CLUSTER.jdbcUrl(0))
            .concurrency(2)
            .parameterStyle(ParameterStyle.INLINE)
            .build()
            .run(DriftingWorkload.of(List.of(all.build())));

        PhaseResult phase = result.phases().get(0);

        assertEquals(0, phase.errors(), phase::describe);

        for (QueryTemplate template : templates.all())
            assertEquals(1, phase.template(template.name()).queries(), phase::describe);
    }

    @Test
    void phaseEndsWhenItsTimeIsUp() throws Exception {
        AtomicLong clock = new AtomicLong();
        WorkloadPhase timed = WorkloadPhase.builder("timed")
            .weight(templates.get(TpchTemplates.POINT_LOOKUP), 1)
            .maxDuration(Duration.ofMillis(40))
            .build();

        WorkloadResult result = WorkloadDriver.builder(CLUSTER.jdbcUrl(0))
            .concurrency(2)
            .ticker(() -> clock.getAndAdd(1_000_000))
            .build()
            .run(DriftingWorkload.of(List.of(timed)));

        long queries = result.phases().get(0).queries();

        assertTrue(queries > 0 && queries < 40, "queries in a 40 ms phase on a 1 ms-per-read clock: " + queries);
    }

    private static void assertCounts(PhaseResult phase, Map<String, Long> expected) {
        assertEquals(expected.keySet(), phase.templates().keySet(), phase.describe());

        expected.forEach((name, count) -> assertEquals(count, phase.template(name).queries(), phase.describe()));
    }

    /** Lowest and highest plausible row count of one execution at scale 0.001 (about 6,000 lines). */
    private static long[] expectedRows(String name) {
        long lineItems = loaded.lineItems();

        return switch (name) {
            case TpchTemplates.POINT_LOOKUP, TpchTemplates.UPDATE_COMMENT -> new long[] {0, 1};
            case TpchTemplates.SHIPDATE_RANGE, TpchTemplates.DISCOUNTED_REVENUE_BAND -> new long[] {0, lineItems / 20};
            case TpchTemplates.QUANTITY_BUCKET_BY_SHIPMODE -> new long[] {1, lineItems / 10};
            case TpchTemplates.YEARLY_SHIPMODE_SUMMARY -> new long[] {1, TpchDomain.SHIP_MODES.size()};
            case TpchTemplates.FLAG_STATUS_BEFORE, TpchTemplates.FORECAST_REVENUE_Q6 -> new long[] {1, 1};
            case TpchTemplates.PRICING_SUMMARY_Q1 -> new long[] {1, 4};
            case TpchTemplates.ORDER_PRIORITY_JOIN -> new long[] {1, 5};
            default -> throw new IllegalArgumentException("no expectation for " + name);
        };
    }

    private static Stream<Arguments> templatesAndStyles() {
        return TpchTemplates.forScale(SCALE).all().stream()
            .flatMap(t -> Stream.of(Arguments.of(t.name(), ParameterStyle.BIND), Arguments.of(t.name(), ParameterStyle.INLINE)));
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();

            return rows.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(CLUSTER.jdbcUrl(0));
    }
}
