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

package dev.autopilot.adaptation.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.adaptation.Lineitem;
import dev.autopilot.sql.expression.ProfileValidationException;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profiles round-trip through JSON; every kind of bad document is refused with the field it is about. */
class ProfileJsonTest {
    private static final Map<String, TableSchema> TABLES = Map.of("PUBLIC.LINEITEM", Lineitem.schema());

    private static final ProfileValidator VALIDATOR = new ProfileValidator(TABLES::get);

    private static final String PRODUCT_EXAMPLE = """
        {"partition_id": "P123", "table": "PUBLIC.LINEITEM", "version": 3,
         "derived_attributes": [
           {"name": "calculated_value", "expression": "l_extendedprice * l_discount"},
           {"name": "bucket_id", "expression": "FLOOR(L_QUANTITY / 100)"}],
         "composite_index": ["bucket_id", "l_shipmode"]}
        """;

    private static SchemaProfile full() {
        Benefit b = new Benefit(1200.5, 4096, 3.0, 1140.5);
        return new SchemaProfile("LINEITEM", "PUBLIC.LINEITEM", 7L, new BasedOn(1000L, 61000L, 4200L),
            List.of(new DerivedAttribute("AP_X", "L_DISCOUNT * L_EXTENDEDPRICE", "DECIMAL(30, 4)", "filtered", b)),
            List.of(new IndexRecommendation("AP_IDX_X", List.of("AP_X", "L_SHIPDATE"), 25, "serves 2 templates", b)),
            List.of("AP_X", "L_SHIPDATE"), b);
    }

    private static ProfileValidationException reject(String json) {
        return assertThrows(ProfileValidationException.class, () -> VALIDATOR.read(json));
    }

    private static String withAttribute(String name, String expression) {
        return "{\"partition_id\": \"P1\", \"table\": \"PUBLIC.LINEITEM\", \"version\": 1, \"derived_attributes\": "
            + "[{\"name\": \"" + name + "\", \"expression\": \"" + expression + "\"}]}";
    }

    @Test
    void roundTrip() {
        SchemaProfile p = full();
        String json = ProfileCodec.write(p);
        assertTrue(json.contains("\"partition_id\":\"LINEITEM\""), json);
        assertTrue(json.contains("\"rows_read_saved_per_second\":1200.5"), json);
        assertEquals(p, ProfileCodec.read(json));
        assertEquals(p, VALIDATOR.read(json));
    }

    @Test
    void productShapeIsAcceptedAndCanonicalized() {
        SchemaProfile p = VALIDATOR.read(PRODUCT_EXAMPLE);
        assertEquals("L_DISCOUNT * L_EXTENDEDPRICE", p.derivedAttributes().get(0).expression());
        assertEquals("DECIMAL(30, 4)", p.derivedAttributes().get(0).type());
        assertEquals("CALCULATED_VALUE", p.derivedAttributes().get(0).name());
        assertEquals(List.of("BUCKET_ID", "L_SHIPMODE"), p.compositeIndex());
        assertEquals(p, VALIDATOR.read(ProfileCodec.write(p)));
    }

    @Test
    void theProductsOwnExampleIsAProfile() {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        columns.put("ATTRIBUTE_A", ColumnType.parse("INT"));
        columns.put("ATTRIBUTE_B", ColumnType.parse("INT"));
        columns.put("ATTRIBUTE_C", ColumnType.parse("BIGINT"));
        columns.put("ATTRIBUTE_D", ColumnType.parse("VARCHAR(20)"));
        TableSchema t = new TableSchema("PUBLIC.T", "P123", columns, List.of("ATTRIBUTE_A"), List.of());
        String json = "{\"partition_id\": \"P123\", \"table\": \"PUBLIC.T\", \"version\": 1, \"derived_attributes\": "
            + "[{\"name\": \"calculated_value\", \"expression\": \"attribute_a * attribute_b\"}, "
            + "{\"name\": \"bucket_id\", \"expression\": \"FLOOR(attribute_c / 100)\"}], "
            + "\"composite_index\": [\"bucket_id\", \"attribute_d\"]}";

        SchemaProfile p = new ProfileValidator(Map.of("PUBLIC.T", t)::get).read(json);

        assertEquals(List.of("ATTRIBUTE_A * ATTRIBUTE_B", "FLOOR(ATTRIBUTE_C / 100)"),
            p.derivedAttributes().stream().map(DerivedAttribute::expression).toList());
        assertEquals(List.of("INTEGER", "BIGINT"), p.derivedAttributes().stream().map(DerivedAttribute::type).toList());
        assertEquals(List.of("BUCKET_ID", "ATTRIBUTE_D"), p.compositeIndex());
    }

    @Test
    void injectedSqlIsRejected() {
        ProfileValidationException e = reject(withAttribute("A", "a); DROP TABLE t; --"));
        assertEquals("derived_attributes[0].expression", e.field());
        assertTrue(e.reason().startsWith("not a valid SQL expression"), e.getMessage());
    }

    @Test
    void unknownColumnIsRejected() {
        assertEquals("derived_attributes[0].expression: unknown column L_FOO in table LINEITEM in L_FOO * 2",
            reject(withAttribute("A", "L_FOO * 2")).getMessage());
    }

    @Test
    void typeErrorIsRejected() {
        assertTrue(reject(withAttribute("A", "L_SHIPMODE * L_DISCOUNT")).getMessage()
            .startsWith("derived_attributes[0].expression: * needs numbers, got VARCHAR(10)"));
    }

    @Test
    void nonDeterministicFunctionsAreRejected() {
        assertTrue(reject(withAttribute("A", "L_DISCOUNT * RAND()")).getMessage()
            .contains("RAND is not deterministic"));
        assertTrue(reject(withAttribute("A", "CURRENT_TIMESTAMP")).getMessage()
            .contains("CURRENT_TIMESTAMP is not deterministic"));
    }

    @Test
    void subqueryIsRejected() {
        assertTrue(reject(withAttribute("A", "L_QUANTITY - (SELECT 1)")).getMessage()
            .startsWith("derived_attributes[0].expression: subqueries are not allowed"));
    }

    @Test
    void hugeDocumentIsRejectedBeforeParsing() {
        String huge = "{\"partition_id\": \"" + "x".repeat(50 * 1024 * 1024) + "\"}";
        ProfileValidationException e = reject(huge);
        assertEquals("$", e.field());
        assertTrue(e.reason().contains("limit of 1048576 bytes"), e.getMessage());
    }

    @Test
    void badNamesAndReferencesAreRejected() {
        assertEquals("derived_attributes[0].name", reject(withAttribute("x; DROP", "L_TAX + 1")).field());
        assertEquals("derived_attributes[0].name", reject(withAttribute("L_TAX", "L_TAX + 1")).field());
        assertEquals("derived_attributes[0].expression", reject(withAttribute("A", "L_TAX")).field());
        assertEquals("composite_index[1]", reject(PRODUCT_EXAMPLE.replace("\"l_shipmode\"]", "\"NOPE\"]")).field());
        assertEquals("derived_attributes[1].name",
            reject(PRODUCT_EXAMPLE.replace("bucket_id\", \"expr", "Calculated_Value\", \"expr")).field());
        assertEquals("indexes[0].reason", reject(ProfileCodec.write(full()).replace("serves 2 templates",
            "x".repeat(5000))).field());
        assertEquals("derived_attributes[0].type", reject(withAttribute("A", "L_TAX + 1").replace("\"name\"",
            "\"type\": \"VARCHAR\", \"name\"")).field());
    }

    @Test
    void malformedDocumentsAreRejected() {
        assertEquals("derived_attributes[0].colour",
            reject(withAttribute("A", "L_TAX + 1").replace("\"name\"", "\"colour\": 1, \"name\"")).field());
        assertEquals("version: expected a whole number",
            reject(PRODUCT_EXAMPLE.replace("\"version\": 3", "\"version\": \"three\"")).getMessage());
        assertEquals("derived_attributes: expected an array",
            reject(PRODUCT_EXAMPLE.replace("\"derived_attributes\": [", "\"derived_attributes\": {\"a\": [")
                .replace("}],", "}]},")).getMessage());
        assertEquals("version", reject(PRODUCT_EXAMPLE.replace("\"version\": 3,", "")).field());
        assertEquals("table", reject(PRODUCT_EXAMPLE.replace("PUBLIC.LINEITEM", "PUBLIC.NOPE")).field());
        assertEquals("$", reject("{\"partition_id\": ").field());
        assertEquals("$: expected an object", reject("[1, 2]").getMessage());
        assertEquals("$", reject(PRODUCT_EXAMPLE + " {}").field());
        assertEquals("$", reject("null").field());
    }
}
