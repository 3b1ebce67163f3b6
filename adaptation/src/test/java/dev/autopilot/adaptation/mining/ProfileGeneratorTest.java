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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.adaptation.Lineitem;
import dev.autopilot.sql.analysis.StatementKind;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.adaptation.profile.DerivedAttribute;
import dev.autopilot.adaptation.profile.IndexRecommendation;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.adaptation.profile.ProfileValidator;
import dev.autopilot.adaptation.profile.SchemaProfile;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.stats.TableStatistics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each phase of the drifting TPC-H workload gets the profile a DBA would write for it. */
class ProfileGeneratorTest {
    private static final TableSchema LINEITEM = Lineitem.schema();
    private static final ProfileGenerator GENERATOR = new ProfileGenerator(GeneratorSettings.DEFAULTS);

    private static String nameOf(String expression) {
        return DerivedExpression.parse(expression, LINEITEM, "test").name();
    }

    private static SchemaProfile profile(Map<String, Integer> mix) {
        return GENERATOR.generate(TpchPhases.snapshot(mix)).get(0);
    }

    private static List<String> expressions(SchemaProfile p) {
        return p.derivedAttributes().stream().map(DerivedAttribute::expression).toList();
    }

    private static List<List<String>> indexColumns(SchemaProfile p) {
        return p.indexes().stream().map(IndexRecommendation::columns).toList();
    }

    @Test
    void expressionFiltersGetTheProductAndAnIndexOnIt() {
        SchemaProfile p = profile(TpchPhases.expressionFilters());

        String revenue = nameOf("L_EXTENDEDPRICE * L_DISCOUNT");
        assertEquals(List.of("L_DISCOUNT * L_EXTENDEDPRICE"), expressions(p));
        assertEquals(revenue, p.derivedAttributes().get(0).name());
        assertEquals(List.of(List.of(revenue), List.of("L_SHIPDATE")), indexColumns(p));
        assertEquals(List.of(revenue), p.compositeIndex());
        assertEquals("LINEITEM", p.partitionId());
        assertEquals(TpchPhases.WINDOW_END, p.version());
        assertEquals(1000, p.basedOn().queries());
        assertTrue(p.expectedBenefit().netGain() > 0);
        assertTrue(p.indexes().get(0).reason().contains("t0"), p.indexes().get(0).reason());
    }

    @Test
    void bucketsAndYearsGetBothDerivedAttributesAndTheirIndexes() {
        SchemaProfile p = profile(TpchPhases.bucketsAndYears());

        String bucket = nameOf("FLOOR(L_QUANTITY / 10)");
        String year = nameOf("EXTRACT(YEAR FROM L_SHIPDATE)");
        assertEquals(List.of("FLOOR(L_QUANTITY / 10)", "EXTRACT(YEAR FROM L_SHIPDATE)"), expressions(p));
        assertEquals(List.of("DECIMAL(26, 0)", "BIGINT"),
            p.derivedAttributes().stream().map(DerivedAttribute::type).toList());
        // Seven ship modes are more selective than six quantity buckets: the ship mode leads.
        assertEquals(List.of(List.of("L_SHIPMODE", bucket), List.of(year)), indexColumns(p));
        assertEquals(List.of("L_SHIPMODE", bucket), p.compositeIndex());
    }

    @Test
    void equalityColumnsAreOrderedBySelectivity() {
        TableWorkload w = TpchPhases.workload(LINEITEM, TpchPhases.statistics(3), TpchPhases.bucketsAndYears());
        SchemaProfile p = GENERATOR.generate(
            new WorkloadSnapshot(TpchPhases.WINDOW_START, TpchPhases.WINDOW_END, List.of(w)), w);

        assertEquals(List.of(nameOf("FLOOR(L_QUANTITY / 10)"), "L_SHIPMODE"), p.compositeIndex());
    }

    @Test
    void lookupsAndUpdatesNeedNothingNew() {
        SchemaProfile p = profile(TpchPhases.lookupsAndUpdates());

        assertTrue(p.empty(), ProfileCodec.write(p));
        assertEquals(List.of(), p.compositeIndex());
        assertEquals(0, p.expectedBenefit().memoryBytes());
    }

    @Test
    void partitionsWithDifferentWorkloadsGetDifferentProfiles() {
        TableSchema copy = new TableSchema("PUBLIC.LINEITEM2", "LINEITEM2", LINEITEM.columns(), LINEITEM.primaryKey(),
            List.of());
        WorkloadSnapshot s = new WorkloadSnapshot(TpchPhases.WINDOW_START, TpchPhases.WINDOW_END, List.of(
            TpchPhases.workload(LINEITEM, TpchPhases.statistics(7), TpchPhases.expressionFilters()),
            TpchPhases.workload(copy, TpchPhases.statistics(7), TpchPhases.bucketsAndYears())));

        List<SchemaProfile> profiles = GENERATOR.generate(s);

        assertEquals(List.of("L_DISCOUNT * L_EXTENDEDPRICE"), expressions(profiles.get(0)));
        assertEquals(List.of("FLOOR(L_QUANTITY / 10)", "EXTRACT(YEAR FROM L_SHIPDATE)"), expressions(profiles.get(1)));
        assertEquals("LINEITEM2", profiles.get(1).partitionId());
        assertNotEquals(profiles.get(0).compositeIndex(), profiles.get(1).compositeIndex());
        assertTrue(profiles.get(1).indexes().get(0).name().startsWith("AP_IDX_"));
        assertNotEquals(profiles.get(1).indexes().get(0).name(), profile(TpchPhases.bucketsAndYears()).indexes().get(0)
            .name(), "index names are per table");
    }

    @Test
    void equivalentExpressionsInDifferentTemplatesAreOneAttribute() {
        Map<String, Integer> mix = Map.of(
            "SELECT L_ORDERKEY FROM LINEITEM WHERE L_EXTENDEDPRICE * L_DISCOUNT > ? AND L_EXTENDEDPRICE * L_DISCOUNT < ?", 5,
            "SELECT L_TAX FROM LINEITEM WHERE (L_DISCOUNT * L_EXTENDEDPRICE) BETWEEN ? AND ?", 5);
        SchemaProfile p = profile(mix);

        assertEquals(List.of("L_DISCOUNT * L_EXTENDEDPRICE"), expressions(p));
        assertEquals(1, p.indexes().size());
        assertTrue(p.indexes().get(0).reason().contains("100% of the table's query time, mean latency 12.5 ms"),
            p.indexes().get(0).reason());
    }

    @Test
    void frequentCheapUpdatesDoNotHideTheScansThatTakeTheTime() {
        String scan = "SELECT L_ORDERKEY FROM LINEITEM WHERE L_EXTENDEDPRICE * L_DISCOUNT BETWEEN ? AND ?";
        TableWorkload w = TpchPhases.workload(Lineitem.schema(), TpchPhases.statistics(7),
            Map.of(scan, 1, TpchPhases.UPDATE_COMMENT, 1));
        List<TemplateLoad> timed = w.templates().stream().map(t -> t.shape().kind() == StatementKind.DML
            ? new TemplateLoad(t.templateId(), t.shape(), 1200, 1)
            : new TemplateLoad(t.templateId(), t.shape(), 10, 800)).toList();
        SchemaProfile p = GENERATOR.generate(new WorkloadSnapshot(TpchPhases.WINDOW_START, TpchPhases.WINDOW_END,
            List.of(new TableWorkload(w.schema(), w.statistics(), timed, 20, AutopilotStructures.NONE)))).get(0);

        assertEquals(List.of("L_DISCOUNT * L_EXTENDEDPRICE"), expressions(p),
            "10 scans of 800 ms are 87% of the time, though 1,200 updates are 99% of the executions");
    }

    @Test
    void structuresBuiltBeforeStayInTheProfileWhileTheWindowGainsFromThem() {
        SchemaProfile before = profile(TpchPhases.bucketsAndYears());
        String bucket = nameOf("FLOOR(L_QUANTITY / 10)");
        Map<String, Integer> bucketsOnly = Map.of(TpchPhases.QUANTITY_BUCKET_BY_SHIPMODE, 9, TpchPhases.POINT_LOOKUP, 2);

        SchemaProfile p = profileOver(builtFrom(before), bucketsOnly);

        assertEquals(List.of("FLOOR(L_QUANTITY / 10)"), expressions(p), "the year is no longer filtered on");
        assertEquals(List.of(List.of("L_SHIPMODE", bucket)), indexColumns(p));
        assertEquals(before.indexes().get(0).name(), p.indexes().get(0).name());
        assertTrue(profileOver(builtFrom(before), TpchPhases.lookupsAndUpdates()).empty(),
            "nothing built before serves lookups and updates");
    }

    @Test
    void anIndexBuiltBeforeServesATemplateInPlaceOfANewOne() {
        SchemaProfile before = profile(TpchPhases.bucketsAndYears());
        String narrower = "SELECT L_ORDERKEY FROM LINEITEM WHERE L_SHIPMODE = ?";

        SchemaProfile p = profileOver(builtFrom(before), Map.of(narrower, 10, TpchPhases.UPDATE_COMMENT, 2));

        assertEquals(List.of(List.of("L_SHIPMODE", nameOf("FLOOR(L_QUANTITY / 10)"))), indexColumns(p),
            "the index built before leads with the ship mode, so it is kept rather than (L_SHIPMODE) built");
        assertEquals(List.of("FLOOR(L_QUANTITY / 10)"), expressions(p), "the index keeps the column it has as a key");
    }

    @Test
    void anIndexBuiltBeforeIsKeptThoughTheTemplateItServesIsFastNow() {
        SchemaProfile before = profile(TpchPhases.bucketsAndYears());
        TableWorkload w = TpchPhases.workload(LINEITEM, TpchPhases.statistics(7),
            Map.of(TpchPhases.QUANTITY_BUCKET_BY_SHIPMODE, 9, TpchPhases.PRICING_SUMMARY_Q1, 2));
        List<TemplateLoad> timed = w.templates().stream().map(t -> t.shape().template().contains("FLOOR")
            ? new TemplateLoad(t.templateId(), t.shape(), 450, 1)
            : new TemplateLoad(t.templateId(), t.shape(), 100, 600)).toList();

        SchemaProfile p = GENERATOR.generate(new WorkloadSnapshot(TpchPhases.WINDOW_START, TpchPhases.WINDOW_END,
            List.of(new TableWorkload(w.schema(), w.statistics(), timed, 0, builtFrom(before))))).get(0);

        assertEquals(List.of(List.of("L_SHIPMODE", nameOf("FLOOR(L_QUANTITY / 10)"))), indexColumns(p),
            "the bucket template is 0.7% of the time because the index serves it; without it, it would scan again");
    }

    @Test
    void aTemplateAnIndexBuiltBeforeServesOnlyPartlyGetsItsOwnIndexAtOnce() {
        AutopilotStructures built = new AutopilotStructures(Map.of(), List.of(List.of("L_SHIPMODE", "L_SHIPDATE")));
        TableWorkload w = TpchPhases.workload(LINEITEM, TpchPhases.statistics(7),
            Map.of(TpchPhases.QUANTITY_BUCKET_BY_SHIPMODE, 3, TpchPhases.PRICING_SUMMARY_Q1, 2));
        List<TemplateLoad> timed = w.templates().stream().map(t -> t.shape().template().contains("FLOOR")
            ? new TemplateLoad(t.templateId(), t.shape(), 150, 50)
            : new TemplateLoad(t.templateId(), t.shape(), 100, 600)).toList();

        SchemaProfile p = GENERATOR.generate(new WorkloadSnapshot(TpchPhases.WINDOW_START, TpchPhases.WINDOW_END,
            List.of(new TableWorkload(w.schema(), w.statistics(), timed, 0, built)))).get(0);

        String bucket = nameOf("FLOOR(L_QUANTITY / 10)");
        assertTrue(expressions(p).contains("FLOOR(L_QUANTITY / 10)"), "the bucket template is 11% of the time as the "
            + "ship-mode index leaves it, but would scan like the summary without that index: " + expressions(p));
        assertTrue(indexColumns(p).stream().anyMatch(c -> c.containsAll(List.of(bucket, "L_SHIPMODE"))),
            indexColumns(p).toString());
        assertTrue(indexColumns(p).stream().noneMatch(c -> c.equals(List.of("L_SHIPMODE", "L_SHIPDATE"))),
            "the ship-mode index serves nothing the bucket index does not serve better");
    }

    /** @return the profile of {@code mix} on LINEITEM with {@code built} there already */
    private static SchemaProfile profileOver(AutopilotStructures built, Map<String, Integer> mix) {
        TableWorkload w = TpchPhases.workload(LINEITEM, TpchPhases.statistics(7), mix);
        return GENERATOR.generate(new WorkloadSnapshot(TpchPhases.WINDOW_START, TpchPhases.WINDOW_END, List.of(
            new TableWorkload(w.schema(), w.statistics(), w.templates(), w.writesPerSecond(), built)))).get(0);
    }

    /** @return what adapting to {@code p} built */
    private static AutopilotStructures builtFrom(SchemaProfile p) {
        Map<String, DerivedExpression> columns = new LinkedHashMap<>();
        for (DerivedAttribute a : p.derivedAttributes())
            columns.put(a.name(), DerivedExpression.parse(a.expression(), LINEITEM, a.name()));
        return new AutopilotStructures(columns, indexColumns(p));
    }

    @Test
    void budgetsLimitTheProfile() {
        WorkloadSnapshot s = TpchPhases.snapshot(TpchPhases.bucketsAndYears());

        SchemaProfile two = new ProfileGenerator(GeneratorSettings.DEFAULTS.withMaxStructures(2)).generate(s).get(0);
        assertEquals(List.of("FLOOR(L_QUANTITY / 10)"), expressions(two));
        assertEquals(1, two.indexes().size());

        SchemaProfile none = new ProfileGenerator(GeneratorSettings.DEFAULTS.withMemoryBudgetBytes(1 << 20))
            .generate(s).get(0);
        assertTrue(none.empty());
    }

    @Test
    void existingIndexesAreNotProposedAgain() {
        TableSchema indexed = new TableSchema(LINEITEM.table(), LINEITEM.cacheName(), LINEITEM.columns(),
            LINEITEM.primaryKey(), List.of(List.of("L_SHIPDATE", "L_DISCOUNT")));
        TableWorkload w = TpchPhases.workload(indexed, TpchPhases.statistics(7), TpchPhases.expressionFilters());
        SchemaProfile p = GENERATOR.generate(new WorkloadSnapshot(TpchPhases.WINDOW_START, TpchPhases.WINDOW_END,
            List.of(w)), w);

        assertEquals(List.of(List.of(nameOf("L_DISCOUNT * L_EXTENDEDPRICE"))), indexColumns(p));
    }

    @Test
    void generatedProfilesRoundTripThroughValidation() {
        ProfileValidator validator = new ProfileValidator(Map.of(LINEITEM.table(), LINEITEM)::get);
        for (Map<String, Integer> mix : List.of(TpchPhases.expressionFilters(), TpchPhases.bucketsAndYears(),
            TpchPhases.lookupsAndUpdates())) {
            SchemaProfile p = profile(mix);
            assertEquals(p, validator.read(ProfileCodec.write(p)));
        }
    }

    @Test
    void expressionsComputedForEveryRowBecomeAttributesWithoutIndex() {
        SchemaProfile p = profile(TpchPhases.pricingReports());

        assertEquals(List.of("L_EXTENDEDPRICE * (1 - L_DISCOUNT) * (L_TAX + 1)", "L_EXTENDEDPRICE * (1 - L_DISCOUNT)"),
            expressions(p));
        assertEquals(List.of(), p.indexes(), "a third of the table is no job for an index");
        assertTrue(p.derivedAttributes().get(0).reason().startsWith("computed for each row by templates t0"),
            p.derivedAttributes().get(0).reason());
        assertTrue(p.derivedAttributes().get(0).benefit().rowsReadSavedPerSecond()
            > p.derivedAttributes().get(1).benefit().rowsReadSavedPerSecond(), "four operations save more than two");
    }

    @Test
    void nothingWithoutNetGain() {
        Map<String, Integer> mix = new LinkedHashMap<>(TpchPhases.expressionFilters());
        mix.put(TpchPhases.UPDATE_COMMENT, 2);
        WorkloadSnapshot s = TpchPhases.snapshot(mix);

        assertTrue(new ProfileGenerator(GeneratorSettings.DEFAULTS).generate(s).get(0).indexes().size() > 0);
        GeneratorSettings expensiveWrites = new GeneratorSettings(256L << 20, 6, 0.15, 0.2, 1e7, 0.02);
        assertTrue(new ProfileGenerator(expensiveWrites).generate(s).get(0).empty());
    }

    @Test
    void missingStatisticsFallBackToDefaults() {
        TableStatistics none = new TableStatistics("PUBLIC.LINEITEM", "LINEITEM", 0, 0, 0, 0, 0, 0, List.of());
        TableWorkload empty = TpchPhases.workload(LINEITEM, none, TpchPhases.bucketsAndYears());
        assertTrue(GENERATOR.generate(new WorkloadSnapshot(0, 60_000, List.of(empty)), empty).empty(),
            "an empty table gains nothing");

        TableStatistics rowsOnly = new TableStatistics("PUBLIC.LINEITEM", "LINEITEM", 1000, 0, 0, 0, 0, 0, List.of());
        TableWorkload w = TpchPhases.workload(LINEITEM, rowsOnly, TpchPhases.bucketsAndYears());
        SchemaProfile p = GENERATOR.generate(new WorkloadSnapshot(0, 60_000, List.of(w)), w);
        assertEquals(List.of("FLOOR(L_QUANTITY / 10)", "EXTRACT(YEAR FROM L_SHIPDATE)"), expressions(p));
    }

    @Test
    void settingsAreCheckedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> GeneratorSettings.DEFAULTS.withMaxStructures(-1));
        assertEquals("maxStructures = -1 (must be 0 or more)", e.getMessage());
    }
}
