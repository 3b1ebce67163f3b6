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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.sql.internal.CalciteHook;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link DerivedExpression#ofNode}: the rewriter's way in, from an expression already parsed inside a statement. */
class DerivedExpressionOfNodeTest {
    private static final TableSchema T = table();

    private static TableSchema table() {
        Map<String, ColumnType> c = new LinkedHashMap<>();
        c.put("L_EXTENDEDPRICE", ColumnType.parse("DECIMAL(15,2)"));
        c.put("L_DISCOUNT", ColumnType.parse("DECIMAL(15,2)"));
        return new TableSchema("PUBLIC.LINEITEM", "LINEITEM", c, List.of(), List.of());
    }

    /** @return the first select item of {@code SELECT <expression> FROM LINEITEM} */
    private static SqlNode item(String expression) {
        SqlSelect s = (SqlSelect)CalciteHook.plainParser().parse("select " + expression + " from lineitem").get(0);
        return s.getSelectList().get(0);
    }

    @Test
    void equivalentSpellingsGiveTheParsedExpression() {
        DerivedExpression parsed = DerivedExpression.parse("L_EXTENDEDPRICE * L_DISCOUNT", T, "test");
        assertEquals(parsed, DerivedExpression.ofNode(item("l_discount * l_extendedprice"), T));
        assertEquals(parsed, DerivedExpression.ofNode(item("(lineitem.l_extendedprice) * l_discount"), T));
    }

    @Test
    void notAllowedGivesNull() {
        assertNull(DerivedExpression.ofNode(item("sum(l_extendedprice * l_discount)"), T));
        assertNull(DerivedExpression.ofNode(item("l_extendedprice * ?"), T));
        assertNull(DerivedExpression.ofNode(item("l_extendedprice * l_nope"), T));
        assertNull(DerivedExpression.ofNode(item("x.l_extendedprice * l_discount"), T));
        assertNull(DerivedExpression.ofNode(item("(select 1) * l_discount"), T));
    }
}
