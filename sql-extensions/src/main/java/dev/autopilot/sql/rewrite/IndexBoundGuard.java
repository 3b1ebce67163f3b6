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

package dev.autopilot.sql.rewrite;

import java.util.EnumSet;
import java.util.Set;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.schema.TypeName;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Keeps the rewriter from turning a working query into one that fails on Ignite 2.17 bugs in index bounds of integer
 * columns, which the original expression, never indexed, does not meet:
 * <ul>
 *     <li>a BIGINT index compared with an INTEGER parameter or literal ({@code WHERE x > ?} with {@code setInt}) fails
 *     with "Remote query execution": the bound keeps the Integer ({@code TypeUtils.needCast} skips INT to BIGINT)
 *     and the index compares it with Longs;</li>
 *     <li>an INTEGER index in a range with a DECIMAL parameter ({@code x < ?} with 958.76), or under
 *     {@code x IS NOT NULL AND ...} beside an {@code IN (subquery)}, failed with an error without a message.</li>
 * </ul>
 * So a BIGINT derived column is not put into any comparison with a constant or parameter, and an integer one not into
 * a range or NULL test; equality and IN on INTEGER columns, which composite indexes need, passed the differential
 * test.
 */
final class IndexBoundGuard {
    private static final Set<SqlKind> NULL_TESTS = EnumSet.of(SqlKind.IS_NULL, SqlKind.IS_NOT_NULL);

    private static final Set<SqlKind> RANGES = EnumSet.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
        SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.BETWEEN, SqlKind.IS_NULL, SqlKind.IS_NOT_NULL);

    private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
        SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
        SqlKind.BETWEEN, SqlKind.IN, SqlKind.NOT_IN, SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM);

    private static final Set<TypeName> INTEGERS = EnumSet.of(TypeName.TINYINT, TypeName.SMALLINT, TypeName.INTEGER,
        TypeName.BIGINT);

    private IndexBoundGuard() {
    }

    /**
     * @return the kind of comparison {@code call} makes with a parameter or number constant (or of its NULL test),
     *     or {@code null}
     */
    static SqlKind comparisonWithConstant(SqlCall call) {
        if (NULL_TESTS.contains(call.getKind()))
            return call.getKind();
        if (!COMPARISONS.contains(call.getKind()))
            return null;
        for (SqlNode operand : call.getOperandList()) {
            boolean listed = operand instanceof SqlNodeList list && list.stream().anyMatch(IndexBoundGuard::constant);
            if (listed || constant(operand))
                return call.getKind();
        }
        return null;
    }

    /**
     * @param comparison what {@link #comparisonWithConstant} said of the call {@code column} would stand in
     * @return whether {@code column} must not stand there
     */
    static boolean affected(DerivedColumn column, SqlKind comparison) {
        TypeName type = column.expression().type().name();
        return comparison != null && (type == TypeName.BIGINT || INTEGERS.contains(type) && RANGES.contains(comparison));
    }

    private static boolean constant(SqlNode node) {
        return node instanceof SqlDynamicParam || node instanceof SqlNumericLiteral;
    }
}
