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

package dev.autopilot.sql.expression;

import java.util.List;
import dev.autopilot.adaptation.Lineitem;
import dev.autopilot.sql.schema.TableSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden tests: expression text in, canonical text, type and name out; forbidden expressions rejected by name. */
class DerivedExpressionTest {
    private static final TableSchema LINEITEM = Lineitem.schema();

    private static DerivedExpression parse(String text) {
        return DerivedExpression.parse(text, LINEITEM, "expr");
    }

    private static String reject(String text) {
        return assertThrows(ProfileValidationException.class, () -> parse(text)).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "l_extendedprice * l_discount | L_DISCOUNT * L_EXTENDEDPRICE | DECIMAL(30, 4)",
        "(L_DISCOUNT) * ((L_EXTENDEDPRICE)) | L_DISCOUNT * L_EXTENDEDPRICE | DECIMAL(30, 4)",
        "lineitem.l_extendedprice * (1 - l_discount) | L_EXTENDEDPRICE * (1 - L_DISCOUNT) | DECIMAL(31, 4)",
        "floor(l_quantity / 10) | FLOOR(L_QUANTITY / 10) | DECIMAL(26, 0)",
        "floor(l_count / 10) | FLOOR(L_COUNT / 10) | INTEGER",
        "extract(year from l_shipdate) | EXTRACT(YEAR FROM L_SHIPDATE) | BIGINT",
    })
    void canonicalFormAndType(String text, String canonical, String type) {
        DerivedExpression e = parse(text);
        assertEquals(canonical, e.canonical());
        assertEquals(type, e.type().toString());
    }

    @Test
    void equivalentFormsAreOneCandidate() {
        assertEquals(parse("L_TAX * (L_DISCOUNT * L_EXTENDEDPRICE)"), parse("(l_extendedprice * l_tax) * l_discount"));
        assertEquals(parse("L_QUANTITY + L_TAX").name(), parse("l_tax + l_quantity").name());
        assertEquals(parse("L_QUANTITY"), parse("CAST(L_QUANTITY AS DECIMAL(15, 2))"));
        assertNotEquals(parse("L_QUANTITY - L_TAX"), parse("L_TAX - L_QUANTITY"));
        assertEquals("L_COUNT + L_RATIO", parse("l_ratio + l_count").canonical(), "a + b = b + a holds for doubles too");
        assertEquals("L_RATIO + (L_COUNT + L_LINENUMBER)", parse("l_ratio + (l_linenumber + l_count)").canonical(),
            "floating-point sums are not regrouped");
        assertEquals("DOUBLE", parse("l_ratio * l_count").type().toString());
        assertNotEquals(parse("FLOOR(L_QUANTITY / 10)"), parse("FLOOR(L_QUANTITY / 100)"));
    }

    @Test
    void precedenceSurvivesCanonicalPrinting() {
        assertEquals("L_COUNT * (L_LINENUMBER / 2)", parse("l_count * (l_linenumber / 2)").canonical());
        assertEquals("L_LINENUMBER * (L_COUNT / 2)", parse("(l_count / 2) * l_linenumber").canonical());
        assertEquals("L_COUNT - (L_LINENUMBER - 1)", parse("l_count - (l_linenumber - 1)").canonical());
        assertEquals("-(-L_COUNT)", parse("-(-l_count)").canonical());
        DerivedExpression again = parse(parse("l_count * (l_linenumber / 2) - -l_count").canonical());
        assertEquals(parse("l_count * (l_linenumber / 2) - -l_count"), again);
    }

    @Test
    void functionsOfTheAllowedGrammar() {
        assertEquals("VARCHAR(10)", parse("upper(l_shipmode)").type().toString());
        assertEquals("SUBSTRING(L_COMMENT, 1, 3)", parse("substring(l_comment from 1 for 3)").canonical());
        assertEquals("CASE WHEN L_DISCOUNT > 0.05 THEN 1 ELSE 0 END",
            parse("case when l_discount > 0.05 then 1 else 0 end").canonical());
        assertEquals("CASE WHEN L_SHIPMODE = 'AIR' THEN 1 END", parse("case l_shipmode when 'AIR' then 1 end").canonical());
        assertEquals("BOOLEAN", parse("l_commitdate < l_receiptdate").type().toString());
        assertEquals("MOD(L_ORDERKEY, 7)", parse("mod(l_orderkey, 7)").canonical());
        assertEquals("CEIL(ABS(L_TAX))", parse("ceiling(abs(l_tax))").canonical());
        assertEquals("COALESCE(L_SHIPMODE, 'NONE')", parse("coalesce(l_shipmode, 'NONE')").canonical());
        assertEquals("CAST(L_SHIPDATE AS VARCHAR)", parse("cast(l_shipdate as varchar)").canonical());
    }

    @Test
    void findsDerivedExpressionsInsideProjections() {
        assertEquals(List.of("L_EXTENDEDPRICE * (1 - L_DISCOUNT) * (L_TAX + 1)"),
            DerivedExpression.findAll("SUM(L_EXTENDEDPRICE * (1 - L_DISCOUNT) * (1 + L_TAX))", LINEITEM).stream()
                .map(DerivedExpression::canonical).toList());
        assertEquals(List.of("EXTRACT(YEAR FROM L_SHIPDATE)", "UPPER(L_SHIPMODE)"),
            DerivedExpression.findAll("COALESCE(EXTRACT(YEAR FROM L_SHIPDATE), LENGTH(UPPER(L_SHIPMODE)))", LINEITEM)
                .stream().map(DerivedExpression::canonical).toList());
        assertEquals(List.of(), DerivedExpression.findAll("COUNT(*)", LINEITEM));
        assertEquals(List.of(), DerivedExpression.findAll("SUM(L_QUANTITY)", LINEITEM));
        assertEquals(List.of(), DerivedExpression.findAll("SUM(L_QUANTITY * RAND())", LINEITEM));
        assertEquals(List.of(), DerivedExpression.findAll("SUM(O_TOTALPRICE * 2)", LINEITEM));
        assertEquals(4, parse("L_EXTENDEDPRICE * (1 - L_DISCOUNT) * (1 + L_TAX)").operations());
    }

    @Test
    void stableReadableNames() {
        String name = parse("L_EXTENDEDPRICE * L_DISCOUNT").name();
        assertEquals(name, parse("l_discount * l_extendedprice").name());
        assertTrue(name.matches("AP_DISCOUNT_EXTENDEDP_[0-9A-F]{8}"), name);
        assertTrue(name.length() <= DerivedNames.MAX_LENGTH);
        assertTrue(parse("EXTRACT(YEAR FROM L_SHIPDATE)").name().startsWith("AP_YEAR_SHIPDATE_"));
        assertNotEquals(parse("FLOOR(L_QUANTITY / 10)").name(), parse("FLOOR(L_QUANTITY / 100)").name());
    }

    @Test
    void indexNamesAreRecognizedAsAutopilots() {
        String bucket = parse("FLOOR(L_QUANTITY / 10)").name();
        assertTrue(DerivedNames.isIndexName(DerivedNames.indexName("LINEITEM", List.of("L_SHIPMODE", bucket))));
        assertTrue(DerivedNames.isIndexName(DerivedNames.indexName("T", List.of("AP_76A92EF4"))));
        assertFalse(DerivedNames.isIndexName("T_E"));
        assertFalse(DerivedNames.isIndexName("AP_IDX_BY_SHIPMODE"));
    }

    @Test
    void rejectsWhatIsNotAllowed() {
        assertTrue(reject("a); DROP TABLE t; --").startsWith("expr: not a valid SQL expression"));
        assertTrue(reject("L_QUANTITY); DROP TABLE LINEITEM; --").startsWith("expr: not a valid SQL expression"));
        assertTrue(reject("L_FOO * 2").startsWith("expr: unknown column L_FOO in table LINEITEM"));
        assertTrue(reject("ORDERS.O_TOTALPRICE * 2").contains("is not of table LINEITEM"));
        assertTrue(reject("L_QUANTITY * RAND()").contains("RAND is not deterministic"));
        assertTrue(reject("CURRENT_TIMESTAMP").contains("CURRENT_TIMESTAMP is not deterministic"));
        assertTrue(reject("L_QUANTITY + (SELECT MAX(L_QUANTITY) FROM LINEITEM)").contains("subqueries are not allowed"));
        assertTrue(reject("L_SHIPMODE * 2").contains("* needs numbers, got VARCHAR(10)"));
        assertTrue(reject("UPPER(L_QUANTITY)").contains("UPPER needs a string"));
        assertTrue(reject("EXTRACT(YEAR FROM L_QUANTITY)").contains("needs a date"));
        assertTrue(reject("L_QUANTITY = ?").contains("placeholders"));
        assertTrue(reject("SLEEP(10)").contains("SLEEP is not allowed"));
        assertTrue(reject("").contains("an expression is required"));
        assertTrue(reject("L_QUANTITY + 1".repeat(300)).contains("longer than"));
        assertTrue(reject("CAST(L_SHIPDATE AS INTEGER)").contains("cannot CAST DATE to INTEGER"));
        assertTrue(reject("CASE WHEN L_TAX > 0 THEN 'taxed' ELSE 0 END").contains("CASE mixes"));
        assertEquals("L_TAX", parse("(".repeat(40) + "L_TAX" + ")".repeat(40)).canonical());
        assertTrue(reject("(".repeat(900) + "L_TAX" + ")".repeat(900)).contains("nested too deeply"));
    }
}
